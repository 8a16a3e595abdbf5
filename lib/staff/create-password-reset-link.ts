// "Đặt lại mật khẩu": an admin makes a one-time link for an employee who forgot their password (or
// whose password may be known to someone else). At once the old password stops working, the
// employee's sessions end and their open tabs are closed; the link, valid 24 hours, sets a new one.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { newToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { staffLinkUrl } from "@/lib/staff/staff-link-url";

export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

export async function createPasswordResetLink(admin: SessionUser, userId: string): Promise<{ link: string }> {
  const { token, tokenHash } = newToken();
  // A fresh random password nobody knows: "reset" must not leave the old one usable until the link is.
  const lockedHash = await hashPassword(newToken().token);
  await db().$transaction(async (tx) => {
    const member = await tx.user.findFirst({ where: { id: userId, workspaceId: admin.workspaceId }, select: { name: true, email: true, role: true } });
    if (!member) throw new AppError("not_found", "No such staff member in this workspace.");
    const now = new Date();
    // Only the newest link works: an older one, perhaps sent to the wrong place, is withdrawn.
    await tx.staffLink.updateMany({ where: { userId, kind: "password_reset", usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.staffLink.create({
      data: {
        workspaceId: admin.workspaceId,
        kind: "password_reset",
        tokenHash,
        userId,
        ...member,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      },
    });
    await tx.user.update({ where: { id: userId }, data: { passwordHash: lockedHash } });
    await deleteSessions(tx, { userId });
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "password_reset_requested", actorUserId: admin.id, target: member });
  });
  disconnectSockets({ userId });
  return { link: staffLinkUrl(token) };
}
