// "Thu hồi": a pending invitation's link stops working; one already used cannot be revoked (the
// account exists, and is locked from the staff list instead).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { recordStaffChange } from "@/lib/staff/record-staff-change";

export async function revokeInvitation(admin: SessionUser, invitationId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const [revoked] = await tx.staffLink.updateManyAndReturn({
      where: { id: invitationId, workspaceId: admin.workspaceId, kind: "invitation", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { name: true, email: true },
    });
    if (!revoked) throw new AppError("not_found", "No pending invitation with this id.");
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "invitation_revoked", actorUserId: admin.id, target: revoked });
  });
}
