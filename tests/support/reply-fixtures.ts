// Replies end to end without a browser: the Meta emulator in this process as Facebook, a customer who
// wrote to one of its pages, and the same conversation in our database, assigned to an agent.
import { startMetaEmulator, type MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { encryptSecret } from "../../lib/crypto/secret-box";
import { SEND_REPLY_QUEUE } from "../../lib/inbox/reply-delivery-queue";
import type { SessionUser } from "../../lib/auth/session-token";
import { createStaff, createWorkspace } from "./assignment-fixtures";

const HOUR = 3600 * 1000;

/** Starts the emulator and points the app's Graph calls at it; call before anything reads env(). */
export async function startTestEmulator(): Promise<MetaEmulator> {
  const emulator = await startMetaEmulator({
    appId: process.env.META_APP_ID ?? "test-app",
    appSecret: process.env.META_APP_SECRET ?? "test-app-secret",
    historyThreads: 0,
  });
  process.env.META_GRAPH_URL = emulator.url;
  if (env().META_GRAPH_URL !== emulator.url) throw new Error("env() was read before the emulator started; start it first");
  return emulator;
}

async function control<T>(emulator: MetaEmulator, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ReplyScene {
  admin: SessionUser;
  agent: SessionUser;
  otherAgent: SessionUser;
  pageId: string;
  psid: string;
  channelId: string;
  conversationId: string;
}

/**
 * A customer wrote to "Shop Thời Trang Hoa Mai" `customerWroteHoursAgo` hours ago (the emulator's
 * thread is aged to match), and our copy of the conversation is assigned to `agent`.
 */
export async function replyScene(emulator: MetaEmulator, options: { customerWroteHoursAgo?: number } = {}): Promise<ReplyScene> {
  const { world } = emulator;
  const page = world.pages.find((p) => p.name === "Shop Thời Trang Hoa Mai");
  const pageAdmin = world.roles.find((r) => r.pageId === page?.id && r.tasks.includes("MANAGE"));
  if (!page || !pageAdmin) throw new Error("The emulator's seed changed: no admin for Shop Thời Trang Hoa Mai");
  const { pageToken } = await control<{ pageToken: string }>(emulator, "tokens", { userId: pageAdmin.userId, pageId: page.id });
  const { psid } = await control<{ psid: string }>(emulator, "messages", {
    pageId: page.id,
    customer: { firstName: "Lan", lastName: "Phạm" },
    text: "Shop ơi áo này còn size M không?",
  });
  const hours = options.customerWroteHoursAgo ?? 0;
  if (hours > 0) await control(emulator, "threads/age", { pageId: page.id, psid, hours });
  const lastInboundAt = new Date(Date.now() - hours * HOUR);

  const { workspaceId, admin } = await createWorkspace();
  const [agent, otherAgent] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
  const channel = await db().channel.create({
    data: {
      workspaceId,
      platform: "facebook",
      externalId: page.id,
      name: page.name,
      accessTokenEnc: encryptSecret(pageToken),
      chatMode: "shared",
      connectedById: admin.id,
    },
  });
  const contact = await db().contact.create({ data: { channelId: channel.id, platformUserId: psid, name: "Phạm Lan" } });
  const conversation = await db().conversation.create({
    data: {
      workspaceId,
      channelId: channel.id,
      contactId: contact.id,
      assigneeId: agent.id,
      state: "assigned",
      lastInboundAt,
      lastMessageAt: lastInboundAt,
      unreadCount: 1,
    },
  });
  return { admin, agent, otherAgent, pageId: page.id, psid, channelId: channel.id, conversationId: conversation.id };
}

/** The page's messages in the customer's Messenger thread. */
export function customerInbox(emulator: MetaEmulator, scene: Pick<ReplyScene, "pageId" | "psid">) {
  return emulator.world.threadOf(scene.pageId, scene.psid)?.messages.filter((m) => m.direction === "out") ?? [];
}

/** Every Send API call the page made to this customer, sender actions included. */
export function sendApiCalls(emulator: MetaEmulator, scene: Pick<ReplyScene, "pageId" | "psid">) {
  return emulator.world.sends.filter((s) => s.pageId === scene.pageId && s.psid === scene.psid);
}

export function addFault(emulator: MetaEmulator, fault: Record<string, unknown>): Promise<unknown> {
  return control(emulator, "faults", fault);
}

export function invalidatePageTokens(emulator: MetaEmulator, pageId: string, reason: string): Promise<unknown> {
  return control(emulator, "tokens/invalidate", { pageId, reason });
}

/** Resolves once no reply delivery is queued, waiting for a retry, or running. */
export async function replyQueueIdle(): Promise<void> {
  for (;;) {
    const [row] = await db().$queryRaw<{ busy: bigint }[]>`
      SELECT count(*) AS busy FROM pgboss.job WHERE name = ${SEND_REPLY_QUEUE} AND state IN ('created', 'retry', 'active')`;
    if (!row || row.busy === 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
