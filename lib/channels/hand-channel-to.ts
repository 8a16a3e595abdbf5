// A channel changes hands: an admin takes it over ("Tiếp quản") or makes a staff member's page
// "only me" for themselves, or its owner leaves and an admin hands it on. The new owner is who connected it from now on; on an "only me" page they also get
// the conversations the previous owner still held there, because nobody else sees that page's
// customers. Shared pages keep their conversations: the rule decides who answers those.
import type { Tx } from "@/lib/db";
import type { ChannelEventKind } from "@/lib/generated/prisma/enums";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";
import { recordChannelEvent } from "@/lib/channels/channel-events";

export async function handChannelTo(
  tx: Tx,
  change: {
    workspaceId: string;
    channel: { id: string; chatMode: "only_me" | "shared"; connectedById: string };
    to: { id: string; name: string };
    actorUserId: string;
    kind: Extract<ChannelEventKind, "taken_over" | "handed_over" | "made_only_me">;
  },
): Promise<ConversationChange[]> {
  const { channel, to } = change;
  await tx.channel.update({ where: { id: channel.id }, data: { connectedById: to.id, ruleRequestedById: null, ruleRequestedAt: null } });
  await recordChannelEvent(tx, {
    workspaceId: change.workspaceId,
    channelId: channel.id,
    kind: change.kind,
    actorUserId: change.actorUserId,
    ownerUserId: channel.connectedById,
    detail: to.name,
  });
  if (channel.chatMode !== "only_me" || channel.connectedById === to.id) return [];

  const held = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Conversation"
    WHERE "channelId" = ${channel.id} AND "assigneeId" = ${channel.connectedById} AND state = 'assigned'
    ORDER BY id FOR UPDATE`;
  const ids = held.map((row) => row.id);
  if (ids.length === 0) return [];
  const changes = await snapshotAudiences(tx, ids, { reason: "reassigned", byName: to.name });
  await tx.conversation.updateMany({ where: { id: { in: ids } }, data: { assigneeId: to.id } });
  await tx.assignmentEvent.createMany({
    data: ids.map((conversationId) => ({
      conversationId,
      kind: "reassigned" as const,
      fromUserId: channel.connectedById,
      toUserId: to.id,
      actorUserId: change.actorUserId,
      reason: assignmentReasons.channelChangedHands,
    })),
  });
  return changes;
}
