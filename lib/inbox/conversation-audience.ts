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
  workspace: { select: { adminsSeeOnlyMeChannels: true } },
  channel: { select: { chatMode: true, connectedById: true } },
  // A locked account's membership stays in the rule (an admin may unlock it) but hears nothing.
  rule: { select: { members: { where: { user: { active: true } }, select: { userId: true } } } },
} satisfies Prisma.ConversationSelect;

export type AudienceRow = Prisma.ConversationGetPayload<{ select: typeof audienceSelect }>;

export function audienceOf(conversation: AudienceRow): string[] {
  const audience = new Set<string>();
  const onlyMeHidden = conversation.channel.chatMode === "only_me" && !conversation.workspace.adminsSeeOnlyMeChannels;
  if (onlyMeHidden) audience.add(rooms.user(conversation.channel.connectedById));
  else audience.add(rooms.admins(conversation.workspaceId));
  if (conversation.assigneeId) audience.add(rooms.user(conversation.assigneeId));
  if (conversation.state === "awaiting_claim") {
    for (const member of conversation.rule?.members ?? []) audience.add(rooms.user(member.userId));
  }
  return [...audience];
}

export async function conversationAudience(tx: Tx, conversationId: string): Promise<string[]> {
  return audienceOf(await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: audienceSelect }));
}
