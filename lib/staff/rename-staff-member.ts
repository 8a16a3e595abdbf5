// An admin corrects or changes a staff member's name; the history keeps the old one as the target.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { recordStaffChange } from "@/lib/staff/record-staff-change";

export async function renameStaffMember(admin: SessionUser, userId: string, name: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const member = await tx.user.findFirst({ where: { id: userId, workspaceId: admin.workspaceId }, select: { name: true, email: true } });
    if (!member) throw new AppError("not_found", "No such staff member in this workspace.");
    if (member.name === name) return;
    await tx.user.update({ where: { id: userId }, data: { name } });
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "renamed", actorUserId: admin.id, target: member, detail: name });
  });
}
