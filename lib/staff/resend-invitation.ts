// "Gửi lại": a fresh link for a pending invitation, valid 7 days from now. The old link stops
// working (its hash is replaced), so a link sent to the wrong place can be made useless this way.
// With a mail server the new link is e-mailed too.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { newToken } from "@/lib/auth/one-time-token";
import { invitationSelect, type PendingInvitation } from "@/lib/staff/list-invitations";
import { INVITATION_TTL_MS, mailInvitation } from "@/lib/staff/invite-staff-member";
import type { MailOutcome } from "@/lib/mail/send-mail";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { staffLinkUrl } from "@/lib/staff/staff-link-url";

export async function resendInvitation(admin: SessionUser, invitationId: string): Promise<{ invitation: PendingInvitation; link: string; mail: MailOutcome }> {
  const { token, tokenHash } = newToken();
  const invitation = await db().$transaction(async (tx) => {
    const renewed = await tx.staffLink.updateManyAndReturn({
      where: { id: invitationId, workspaceId: admin.workspaceId, kind: "invitation", usedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      select: invitationSelect,
    });
    const [row] = renewed;
    if (!row) throw new AppError("not_found", "No pending invitation with this id.");
    await recordStaffChange(tx, { workspaceId: admin.workspaceId, kind: "invitation_resent", actorUserId: admin.id, target: row });
    return row;
  });
  const link = staffLinkUrl(token);
  return { invitation, link, mail: await mailInvitation(admin.workspaceId, invitation, link) };
}
