// "Mời nhân viên": an admin names the person, their email and role, and gets a link, valid for 7
// days, to send them however the shop talks; when a mail server is configured the link is also
// e-mailed, after the invitation is committed. The account is created when the link is used
// (redeem-staff-link.ts), with the password the person chooses.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { newToken } from "@/lib/auth/one-time-token";
import type { InviteStaffInput } from "@/lib/staff/staff-schemas";
import { invitationSelect, type PendingInvitation } from "@/lib/staff/list-invitations";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { staffLinkUrl } from "@/lib/staff/staff-link-url";
import { sendMail, type MailOutcome } from "@/lib/mail/send-mail";
import { invitationMail } from "@/lib/mail/mail-templates";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function inviteStaffMember(admin: SessionUser, input: InviteStaffInput): Promise<{ invitation: PendingInvitation; link: string; mail: MailOutcome }> {
  const { token, tokenHash } = newToken();
  const invitation = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("conflict", "This email already has an account.", {}, { email: ["email_taken"] });
    }
    const pending = await tx.staffLink.findFirst({
      where: { workspaceId: admin.workspaceId, kind: "invitation", email: input.email, usedAt: null, revokedAt: null },
      select: { id: true },
    });
    if (pending) throw new AppError("conflict", "This email already has a pending invitation.", {}, { email: ["invitation_pending"] });
    const created = await tx.staffLink.create({
      data: { workspaceId: admin.workspaceId, kind: "invitation", tokenHash, ...input, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      select: invitationSelect,
    });
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "invited", actorUserId: admin.id, target: input, detail: input.role });
    return created;
  });
  const link = staffLinkUrl(token);
  return { invitation, link, mail: await mailInvitation(admin.workspaceId, invitation, link) };
}

/** E-mails an invitation's link (also when it is sent again); the invitation stands whatever happens. */
export async function mailInvitation(workspaceId: string, invitation: { name: string; email: string }, link: string): Promise<MailOutcome> {
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
  return sendMail(invitation.email, invitationMail({ name: invitation.name, shopName: workspace.name, link }));
}
