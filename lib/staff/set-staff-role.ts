// An admin makes a staff member an admin or an agent. Pages and API read the role from the database
// on every request; open sockets chose their rooms by the old role, so they are closed and the
// browser reconnects into the rooms of the new one (or an agent leaves the admins' room for good).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { assertAnotherActiveAdmin } from "@/lib/staff/keep-an-active-admin";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";

export async function setStaffRole(admin: SessionUser, userId: string, role: UserRole): Promise<void> {
  await db().$transaction(async (tx) => {
    if (role !== "admin") await assertAnotherActiveAdmin(tx, admin.workspaceId, userId);
    const result = await tx.user.updateMany({ where: { id: userId, workspaceId: admin.workspaceId }, data: { role } });
    if (result.count === 0) throw new AppError("not_found", "No such staff member in this workspace.");
  });
  disconnectSockets({ userId });
}
