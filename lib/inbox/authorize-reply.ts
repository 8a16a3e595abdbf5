// Everything that must hold before a reply is stored, checked inside the storing transaction with the
// conversation locked: the user may see it (else 404) and may write in it (else 403; an admin takes
// it over), the channel is connected, and the platform's reply window is open (refused with the reason).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt, type OpenReplyWindow } from "@/lib/channels/reply-window";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";
import { replyPermission } from "@/lib/inbox/reply-permission";

const replyConversationSelect = {
  id: true,
  channelId: true,
  assigneeId: true,
  state: true,
  lastInboundAt: true,
  repliesSinceInbound: true,
  assignee: { select: { name: true } },
  channel: { select: { status: true, platform: true } },
} as const;

export interface AuthorizedReply {
  conversationId: string;
  channelId: string;
  window: OpenReplyWindow;
  /** What the conversation's platform can carry, for checking the reply's content. */
  capabilities: ChannelCapabilities;
  /** Set when an admin took the conversation over: who could see it before, for the removal event. */
  takeOver: { previousAudience: string[] } | null;
}

export async function authorizeReply(tx: Tx, user: SessionUser, conversationId: string, now: Date): Promise<AuthorizedReply> {
  // Serialises with claims, reassignments and other replies on this conversation until commit.
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversationId} FOR UPDATE`;
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: user.workspaceId }, select: { adminsSeeOnlyMeChannels: true } });
  const conversation = await tx.conversation.findFirst({
    where: { AND: [{ id: conversationId }, visibleConversationsWhere(user, workspace)] },
    select: replyConversationSelect,
  });
  if (!conversation) throw new AppError("not_found", "This conversation does not exist or is not yours to see.");

  const permission = replyPermission(user, conversation);
  if (conversation.channel.status !== "connected") {
    throw new AppError(
      "conflict",
      "This page is not connected any more; an admin must reconnect it before replies can be sent.",
      { reason: conversation.channel.status === "disconnected" ? "channel_disconnected" : "channel_needs_reconnect", platform: conversation.channel.platform },
    );
  }
  const { capabilities, replyWindow, outbound } = providerOf(conversation.channel.platform);
  const window = replyWindowAt(replyWindow(conversation), now);
  if (window.state === "closed") {
    throw new AppError(
      "conflict",
      outbound.failureReasons.window_closed,
      { reason: "reply_window_closed", closedAt: window.closedAt?.toISOString() ?? "" },
    );
  }

  const authorized = { conversationId, channelId: conversation.channelId, window, capabilities };
  if (permission.kind === "assignee") return { ...authorized, takeOver: null };
  const previousAudience = await conversationAudience(tx, conversationId);
  await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: user.id, state: "assigned" } });
  await tx.assignmentEvent.create({
    data: {
      conversationId,
      kind: "taken_over",
      fromUserId: permission.previousAssigneeId,
      toUserId: user.id,
      actorUserId: user.id,
      reason: "admin_replied",
    },
  });
  return { ...authorized, takeOver: { previousAudience } };
}
