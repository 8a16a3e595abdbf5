// "Quên mật khẩu?" when a mail server is configured: the person gives an email address and, if it
// belongs to an active account, a one-time reset link (24 hours) is e-mailed to it. Nothing else
// changes until the link is used: the old password and the sessions stay, otherwise anyone could
// lock a person out by asking for resets. The answer is the same whether or not the account exists,
// and the mail is sent after answering, so neither the words nor the time tell who has an account.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLoginThrottled, recordLoginFailure } from "@/lib/auth/login-throttle";
import { emailSchema } from "@/lib/staff/staff-schemas";
import { writePasswordResetLink } from "@/lib/staff/create-password-reset-link";
import { staffLinkUrl } from "@/lib/staff/staff-link-url";
import { isMailConfigured, sendMail, type MailOutcome } from "@/lib/mail/send-mail";
import { passwordResetMail } from "@/lib/mail/mail-templates";

export const passwordResetRequestSchema = z.object({ email: emailSchema });

/** What happened to the mail, for tests and logs; the person is told the same thing either way. */
export type ResetDelivery = MailOutcome | "no_account";

/**
 * Counts the request against the throttle, stores the link when the account exists, and returns
 * the delivery still under way, which the route does not wait for.
 */
export async function requestPasswordReset(
  { email }: z.infer<typeof passwordResetRequestSchema>,
  address: string | undefined,
): Promise<{ delivery: Promise<ResetDelivery> }> {
  if (!isMailConfigured()) throw new AppError("not_found", "Password reset by e-mail is not available: ask an admin.");
  if (await isLoginThrottled(email, address, "password-reset")) {
    throw new AppError("rate_limited", "Too many reset requests. Try again in 15 minutes.");
  }
  await recordLoginFailure(email, address, "password-reset");
  const issued = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, workspaceId: true, name: true, email: true, role: true, active: true, workspace: { select: { name: true } } },
    });
    if (!user?.active) return null;
    const token = await writePasswordResetLink(tx, { workspaceId: user.workspaceId, userId: user.id, name: user.name, email: user.email, role: user.role });
    return { token, user };
  });
  if (!issued) return { delivery: Promise.resolve("no_account") };
  const { token, user } = issued;
  const mail = passwordResetMail({ name: user.name, shopName: user.workspace.name, link: staffLinkUrl(token), requestedBy: "self" });
  return { delivery: sendMail(user.email, mail) };
}
