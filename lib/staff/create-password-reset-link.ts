// "Đặt lại mật khẩu": an admin makes a one-time link for an employee who forgot their password (or
// whose password may be known to someone else). At once the old password stops working, the
// employee's sessions end and their open tabs are closed; the link, valid 24 hours, sets a new one.
// With a mail server the link is also e-mailed to the employee, after the reset is committed.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { newToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { staffLinkUrl } from "@/lib/staff/staff-link-url";
import { sendMail, type MailOutcome } from "@/lib/mail/send-mail";
import { passwordResetMail } from "@/lib/mail/mail-templates";
import type { UserRole } from "@/lib/generated/prisma/enums";

export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

type ResetTarget = { workspaceId: string; userId: string; name: string; email: string; role: UserRole };

/**
 * Stores a new reset link for the account and returns its token. Only the newest link works: an
 * older one, perhaps sent to the wrong place, is withdrawn. Shared by the admin's reset and
 * "Quên mật khẩu?" (lib/auth/request-password-reset.ts).
 */
export async function writePasswordResetLink(tx: Tx, { workspaceId, userId, name, email, role }: ResetTarget): Promise<string> {
  const { token, tokenHash } = newToken();
  const now = new Date();
  await tx.staffLink.updateMany({ where: { userId, kind: "password_reset", usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.staffLink.create({
    data: { workspaceId, kind: "password_reset", tokenHash, userId, name, email, role, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
  });
  return token;
}

export async function createPasswordResetLink(admin: SessionUser, userId: string): Promise<{ link: string; mail: MailOutcome }> {
  // A fresh random password nobody knows: "reset" must not leave the old one usable until the link is.
  const lockedHash = await hashPassword(newToken().token);
  const { token, member, shopName } = await db().$transaction(async (tx) => {
    const member = await tx.user.findFirst({
      where: { id: userId, workspaceId: admin.workspaceId },
      select: { name: true, email: true, role: true, workspace: { select: { name: true } } },
    });
    if (!member) throw new AppError("not_found", "No such staff member in this workspace.");
    const target = { name: member.name, email: member.email, role: member.role };
    const token = await writePasswordResetLink(tx, { workspaceId: admin.workspaceId, userId, ...target });
    await tx.user.update({ where: { id: userId }, data: { passwordHash: lockedHash } });
    await deleteSessions(tx, { userId });
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "password_reset_requested", actorUserId: admin.id, target });
    return { token, member: target, shopName: member.workspace.name };
  });
  disconnectSockets({ userId });
  const link = staffLinkUrl(token);
  const mail = await sendMail(member.email, passwordResetMail({ name: member.name, shopName, link, requestedBy: "admin" }));
  return { link, mail };
}
