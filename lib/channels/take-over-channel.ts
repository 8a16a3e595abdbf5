// "Tiếp quản": a workspace admin makes a channel someone else connected their own — a staff member's
// page, or another admin's "only me" page, which a plain chat-permission change refuses
// (set-channel-chat-mode.ts). Audited, and the previous owner sees it on their channels screen.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { findManagedChannel } from "@/lib/channels/channel-access-scope";
import { handChannelTo } from "@/lib/channels/hand-channel-to";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

export async function takeOverChannel(admin: SessionUser, channelId: string): Promise<void> {
  assertAdmin(admin);
  const channel = await findManagedChannel(admin, channelId);
  if (channel.connectedBy.id === admin.id) return;
  if (channel.status === "disconnected") throw new AppError("conflict", "Reconnect the page first.", { reason: "channel_disconnected" });
  const changes = await db().$transaction(async (tx) => {
    // Locked, so a concurrent take-over or change of chat permission applies after this one, not half.
    const [locked] = await tx.$queryRaw<{ connectedById: string; chatMode: "only_me" | "shared" }[]>`
      SELECT "connectedById", "chatMode"::text AS "chatMode" FROM "Channel" WHERE id = ${channelId} FOR UPDATE`;
    if (!locked || locked.connectedById === admin.id) return [];
    return handChannelTo(tx, {
      workspaceId: admin.workspaceId,
      channel: { id: channelId, chatMode: locked.chatMode, connectedById: locked.connectedById },
      to: { id: admin.id, name: admin.name },
      actorUserId: admin.id,
      kind: "taken_over",
    });
  });
  await publishAssignmentChanges(changes);
  publishChannelUpdate(admin.workspaceId, channelId);
}
