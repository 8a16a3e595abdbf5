// The Socket.io rooms that must hear about a conversation: the same people who may see it
// (conversation-visibility.ts), expressed as rooms.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rooms } from "@/lib/realtime/rooms";

/** What deciding the audience reads; publishers merge it into their own selection. */
export const audienceSelect = {
  workspaceId: true,
  assigneeId: true,
  state: true,
  ruleId: true,
  workspace: { select: { adminsSeeOnlyMeChannels: true } },
  channel: { select: { chatMode: true, connectedById: true } },
} satisfies Prisma.ConversationSelect;

export type AudienceRow = Prisma.ConversationGetPayload<{ select: typeof audienceSelect }>;

/** Active members by rule: who sees a conversation waiting in that rule's claim queue. */
export type Claimers = ReadonlyMap<string, readonly string[]>;

/**
 * The claimers of the rules whose queues hold some of these conversations: one query, and none at all
 * when no conversation waits (the common case: a rule's members were read into every published
 * conversation before, 200 rows aggregated per message for a rule of 200 agents).
 */
export async function claimersOf(client: Pick<Tx, "ruleMember">, conversations: readonly AudienceRow[]): Promise<Claimers> {
  const ruleIds = [...new Set(conversations.flatMap((row) => (row.state === "awaiting_claim" && row.ruleId ? [row.ruleId] : [])))];
  if (ruleIds.length === 0) return new Map();
  // A locked account's membership stays in the rule (an admin may unlock it) but hears nothing.
  const members = await client.ruleMember.findMany({ where: { ruleId: { in: ruleIds }, user: { active: true } }, select: { ruleId: true, userId: true } });
  const claimers = new Map<string, string[]>();
  for (const { ruleId, userId } of members) {
    const ofRule = claimers.get(ruleId);
    if (ofRule) ofRule.push(userId);
    else claimers.set(ruleId, [userId]);
  }
  return claimers;
}

export function audienceOf(conversation: AudienceRow, claimers: Claimers): string[] {
  const audience = new Set<string>();
  const onlyMeHidden = conversation.channel.chatMode === "only_me" && !conversation.workspace.adminsSeeOnlyMeChannels;
  if (onlyMeHidden) audience.add(rooms.user(conversation.channel.connectedById));
  else audience.add(rooms.admins(conversation.workspaceId));
  if (conversation.assigneeId) audience.add(rooms.user(conversation.assigneeId));
  if (conversation.state === "awaiting_claim" && conversation.ruleId) {
    for (const userId of claimers.get(conversation.ruleId) ?? []) audience.add(rooms.user(userId));
  }
  return [...audience];
}

export async function conversationAudience(tx: Tx, conversationId: string): Promise<string[]> {
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: audienceSelect });
  return audienceOf(conversation, await claimersOf(tx, [conversation]));
}
