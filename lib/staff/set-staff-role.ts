// An admin makes a staff member an admin or an agent. Pages and API read the role from the database
// on every request; open sockets chose their rooms by the old role, so they are closed and the
// browser reconnects into the rooms of the new one (or an agent leaves the admins' room for good).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { assertAnotherActiveAdmin } from "@/lib/staff/keep-an-active-admin";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { recordStaffChange } from "@/lib/staff/record-staff-change";

export async function setStaffRole(admin: SessionUser, userId: string, role: UserRole): Promise<void> {
  await db().$transaction(async (tx) => {
    if (role !== "admin") await assertAnotherActiveAdmin(tx, admin.workspaceId, userId);
    const member = await tx.user.findFirst({ where: { id: userId, workspaceId: admin.workspaceId }, select: { name: true, email: true, role: true } });
    if (!member) throw new AppError("not_found", "No such staff member in this workspace.");
    if (member.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "role_changed", actorUserId: admin.id, target: member, detail: role });
  });
  disconnectSockets({ userId });
}
