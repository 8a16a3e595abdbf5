// Builders for the inbox read tests: named customers with conversations in a chosen state, and
// messages at chosen times, written straight to the database as the webhook and routing would leave them.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/session-token";

export interface ConversationSeed {
  channelId: string;
  customer: string | null;
  /** The customer's page-scoped id on Messenger; a made-up one unless the test talks to the emulator. */
  psid?: string;
  lastMessageAt: Date;
  state?: "unassigned" | "awaiting_claim" | "assigned" | "closed";
  assignee?: SessionUser;
  ruleId?: string;
  origin?: "live" | "synced";
  unreadCount?: number;
}

export async function addConversation(seed: ConversationSeed): Promise<string> {
  const channel = await db().channel.findUniqueOrThrow({ where: { id: seed.channelId }, select: { workspaceId: true } });
  const contact = await db().contact.create({ data: { channelId: seed.channelId, platformUserId: seed.psid ?? randomUUID(), name: seed.customer }, select: { id: true } });
  const conversation = await db().conversation.create({
    data: {
      workspaceId: channel.workspaceId,
      channelId: seed.channelId,
      contactId: contact.id,
      ruleId: seed.ruleId ?? null,
      assigneeId: seed.assignee?.id ?? null,
      state: seed.state ?? (seed.assignee ? "assigned" : "unassigned"),
      origin: seed.origin ?? "live",
      lastInboundAt: seed.lastMessageAt,
      lastMessageAt: seed.lastMessageAt,
      lastMessagePreview: `Tin nhắn của ${seed.customer ?? "khách"}`,
      unreadCount: seed.unreadCount ?? 0,
    },
    select: { id: true },
  });
  return conversation.id;
}

export async function createRule(
  workspaceId: string,
  options: { name: string; method: "round_robin" | "self_claim"; channelIds: string[]; members: SessionUser[] },
): Promise<string> {
  const rule = await db().assignmentRule.create({
    data: {
      workspaceId,
      name: options.name,
      method: options.method,
      sources: { create: options.channelIds.map((channelId) => ({ channelId })) },
      members: { create: options.members.map((member, position) => ({ userId: member.id, position })) },
    },
    select: { id: true },
  });
  return rule.id;
}

/** Inbound messages one second apart (or all at `sameTime`), oldest first; returns their ids in that order. */
export async function addMessages(conversationId: string, count: number, options: { start: Date; sameTime?: boolean; textPrefix?: string }): Promise<string[]> {
  const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { channelId: true } });
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `m${randomUUID()}`,
    conversationId,
    channelId: conversation.channelId,
    direction: "inbound" as const,
    senderKind: "contact" as const,
    status: "delivered" as const,
    text: `${options.textPrefix ?? "Tin"} ${index}`,
    platformMessageId: `mid.${randomUUID()}`,
    sentAt: new Date(options.start.getTime() + (options.sameTime ? 0 : index * 1000)),
  }));
  await db().message.createMany({ data: rows });
  return rows.map((row) => row.id);
}
