// Builders for integration tests and benchmarks: a workspace with staff, pages, and conversations
// created the way the webhook creates them (insert + routeNewConversation in one transaction).
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { encryptSecret } from "../../lib/crypto/secret-box";
import { routeNewConversation } from "../../lib/assignment/route-new-conversation";
import type { ParsedRuleInput } from "../../lib/assignment/rule-schemas";
import { createRule } from "../../lib/assignment/save-rule";
import type { SessionUser } from "../../lib/auth/session-token";
import type { Platform } from "../../lib/generated/prisma/enums";

/** Never used to sign in: these accounts act through the domain functions directly. */
const UNUSABLE_PASSWORD_HASH = "fixture-no-password";

const SESSION_USER_FIELDS = { id: true, email: true, name: true, role: true, workspaceId: true } as const;

/** A workspace and its admin: the one named in `admin`, or a generated one. */
export async function createWorkspace(
  name = "Shop",
  admin?: { email: string; name: string },
): Promise<{ workspaceId: string; admin: SessionUser }> {
  const workspace = await db().workspace.create({ data: { name } });
  const [owner] = admin
    ? [await createUser(workspace.id, { ...admin, role: "admin" })]
    : await createStaff(workspace.id, 1, { role: "admin", prefix: `admin-${workspace.id}` });
  return { workspaceId: workspace.id, admin: owner as SessionUser };
}

/** One account with a chosen email; with a `password` it can sign in (stored hashed, as the app stores it). */
export async function createUser(
  workspaceId: string,
  user: { email: string; name: string; role?: "admin" | "agent"; password?: string },
): Promise<SessionUser> {
  return db().user.create({
    data: {
      workspaceId,
      email: user.email,
      name: user.name,
      role: user.role ?? "agent",
      passwordHash: user.password ? await hashPassword(user.password) : UNUSABLE_PASSWORD_HASH,
    },
    select: SESSION_USER_FIELDS,
  });
}

export async function createStaff(
  workspaceId: string,
  count: number,
  options: { role?: "admin" | "agent"; prefix?: string; active?: boolean } = {},
): Promise<SessionUser[]> {
  const prefix = options.prefix ?? `agent-${randomUUID().slice(0, 8)}`;
  const rows = Array.from({ length: count }, (_, index) => ({
    workspaceId,
    email: `${prefix}-${index}@shop.vn`.toLowerCase(),
    name: `${prefix} ${index}`,
    role: options.role ?? "agent",
    active: options.active ?? true,
    passwordHash: UNUSABLE_PASSWORD_HASH,
  }));
  return db().user.createManyAndReturn({
    data: rows,
    select: SESSION_USER_FIELDS,
  });
}

/** The rule "Bán hàng": round robin over `members` for `channelIds`, older conversations left unassigned; `options` override. */
export function createSalesRule(
  admin: SessionUser,
  channelIds: string[],
  members: Array<{ email: string }>,
  options: Partial<ParsedRuleInput> = {},
) {
  return createRule(admin, {
    name: "Bán hàng",
    sourceChannelIds: channelIds,
    memberEmails: members.map((member) => member.email),
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
    ...options,
  });
}

/** A connected channel (a Facebook page unless `platform` says otherwise); give it a real page's id and token when the test talks to the emulator. */
export async function createChannel(
  workspaceId: string,
  connectedById: string,
  options: { name?: string; chatMode?: "only_me" | "shared"; externalId?: string; pageToken?: string; platform?: Platform } = {},
): Promise<string> {
  const channel = await db().channel.create({
    data: {
      workspaceId,
      connectedById,
      platform: options.platform ?? "facebook",
      externalId: options.externalId ?? randomUUID(),
      name: options.name ?? "Trang bán hàng",
      accessTokenEnc: options.pageToken ? encryptSecret(options.pageToken) : "fixture-token",
      chatMode: options.chatMode ?? "shared",
    },
    select: { id: true },
  });
  return channel.id;
}

/** A customer's first message: the conversation is created and routed in one transaction. */
export async function receiveNewConversation(
  channelId: string,
  options: { lastInboundAt?: Date; origin?: "live" | "synced"; route?: boolean } = {},
): Promise<string> {
  return db().$transaction(
    async (tx) => {
      const channel = await tx.channel.findUniqueOrThrow({ where: { id: channelId }, select: { workspaceId: true } });
      const contact = await tx.contact.create({ data: { channelId, platformUserId: randomUUID() }, select: { id: true } });
      const lastInboundAt = options.lastInboundAt ?? new Date();
      const conversation = await tx.conversation.create({
        data: {
          workspaceId: channel.workspaceId,
          channelId,
          contactId: contact.id,
          origin: options.origin ?? "live",
          lastInboundAt,
          lastMessageAt: lastInboundAt,
        },
        select: { id: true },
      });
      if (options.route ?? true) await routeNewConversation(tx, conversation.id);
      return conversation.id;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** Runs `total` jobs on `writers` concurrent loops (each loop waits for its previous job). */
export async function runConcurrently<T>(total: number, writers: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const index = next++;
        results[index] = await job(index);
      }
    }),
  );
  return results;
}
