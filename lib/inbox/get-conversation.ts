// One conversation as the thread header and composer need it: the summary, the page's connection
// state, the rule that routed it, and what the viewer may do with it. Invisible means 404, so
// nobody can probe which conversation ids exist, except for a member of its self-claim rule, who is
// told who claimed it (hidden-conversation-error.ts).
import { db } from "@/lib/db";
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import { providerOf } from "@/lib/channels/registry";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationSummarySelect, type ConversationSummary } from "@/lib/inbox/inbox-dto";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import { replyPermission } from "@/lib/inbox/reply-permission";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { hiddenConversationError } from "@/lib/assignment/hidden-conversation-error";

export interface ConversationDetail {
  conversation: ConversationSummary;
  contact: { id: string; name: string | null; avatarUrl: string | null; firstSeenAt: string };
  channel: { id: string; name: string; status: "connected" | "needs_reconnect" | "disconnected"; statusReason: string | null };
  rule: { id: string; name: string; method: "round_robin" | "self_claim" | "least_loaded" } | null;
  /**
   * What the composer offers, from the same rules the send and claim APIs enforce: `reply` is
   * "assignee", "take_over" (an admin answering makes the conversation theirs) or null.
   */
  viewer: { reply: "assignee" | "take_over" | null; canClaim: boolean };
  /** What the platform can carry: the composer's limits. */
  capabilities: ChannelCapabilities;
}

export async function getConversation(user: SessionUser, conversationId: string): Promise<ConversationDetail> {
  const row = await db().conversation.findFirst({
    where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] },
    select: {
      ...conversationSummarySelect,
      assigneeId: true,
      contact: { select: { id: true, name: true, avatarUrl: true, createdAt: true } },
      channel: { select: { id: true, name: true, avatarUrl: true, platform: true, status: true, statusReason: true } },
      rule: { select: { id: true, name: true, method: true, members: { where: { userId: user.id }, select: { userId: true } } } },
    },
  });
  if (!row) throw await hiddenConversationError(db(), user, conversationId);
  const { rule, assigneeId, contact, channel, ...summary } = row;
  return {
    conversation: toConversationSummary({
      ...summary,
      contact: { id: contact.id, name: contact.name, avatarUrl: contact.avatarUrl },
      channel: { id: channel.id, name: channel.name, avatarUrl: channel.avatarUrl, platform: channel.platform },
    }),
    contact: { id: contact.id, name: contact.name, avatarUrl: contact.avatarUrl, firstSeenAt: contact.createdAt.toISOString() },
    channel: { id: channel.id, name: channel.name, status: channel.status, statusReason: channel.statusReason },
    rule: rule && { id: rule.id, name: rule.name, method: rule.method },
    viewer: {
      reply: replyKind(user, row),
      canClaim: row.state === "awaiting_claim" && assigneeId === null && (rule?.members.length ?? 0) > 0,
    },
    capabilities: providerOf(channel.platform).capabilities,
  };
}

function replyKind(user: SessionUser, conversation: Parameters<typeof replyPermission>[1]): "assignee" | "take_over" | null {
  try {
    return replyPermission(user, conversation).kind;
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  }
}
