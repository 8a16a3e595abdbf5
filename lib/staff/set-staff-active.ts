// Deactivates or reactivates a staff account. Deactivation ends the person's sessions at once (rows
// deleted, open sockets closed) so a departing employee loses access immediately, and hands on the
// channels they connected: their "only me" pages where the admin said (hand-over-channels.ts).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { orphanConversationsOfDeactivatedUser } from "@/lib/assignment/handle-orphans";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { assertAnotherActiveAdmin } from "@/lib/staff/keep-an-active-admin";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { handOverChannelsOf } from "@/lib/staff/hand-over-channels";
import type { ChannelHandover } from "@/lib/staff/channel-handover-schema";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

export async function setStaffActive(admin: SessionUser, userId: string, active: boolean, channelHandover: readonly ChannelHandover[] = []) {
  if (userId === admin.id && !active) {
    throw new AppError("invalid_input", "You cannot deactivate your own account.", {}, { active: ["cannot_deactivate_self"] });
  }
  // One transaction: the conversations a departing member held are released (handle-orphans.ts)
  // together with the deactivation, so none is left with a caretaker who can no longer sign in.
  const { orphans, channelIds } = await db().$transaction(
    async (tx) => {
      if (!active) await assertAnotherActiveAdmin(tx, admin.workspaceId, userId);
      const member = await tx.user.findFirst({ where: { id: userId, workspaceId: admin.workspaceId }, select: { name: true, email: true, active: true } });
      if (!member) throw new AppError("not_found", "No such staff member in this workspace.");
      if (member.active === active) return { orphans: [], channelIds: [] };
      await tx.user.update({ where: { id: userId }, data: { active } });
      await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: active ? "reactivated" : "deactivated", actorUserId: admin.id, target: member });
      if (active) return { orphans: [], channelIds: [] };
      await deleteSessions(tx, { userId });
      // Hand-overs first: conversations of an "only me" page go with it to its new admin instead of
      // being released; what the person still holds after that is released by its rule's policy.
      const handedOver = await handOverChannelsOf(tx, admin, userId, channelHandover);
      const released = await orphanConversationsOfDeactivatedUser(tx, { workspaceId: admin.workspaceId, userId, actorUserId: admin.id });
      return { orphans: [...handedOver.changes, ...released], channelIds: handedOver.channelIds };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  // Before the orphans are published: nothing about them should reach the departing member.
  disconnectSockets({ userId });
  await publishAssignmentChanges(orphans);
  for (const channelId of channelIds) publishChannelUpdate(admin.workspaceId, channelId);
}
