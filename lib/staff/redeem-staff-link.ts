// The person at the end of an invitation or reset link chooses a password. The link is spent by
// one conditional UPDATE, so of two submissions (two tabs, a replay) exactly one goes through; an
// invitation creates the account, a reset sets the account's password. Either way nothing changes
// when the link is unknown, expired, revoked or already used.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/one-time-token";
import { passwordSchema } from "@/lib/auth/password-policy";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { staffLinkProblem } from "@/lib/staff/read-staff-link";

export const redeemStaffLinkSchema = z.object({ token: z.string().max(200), password: passwordSchema });

export async function redeemStaffLink(input: z.infer<typeof redeemStaffLinkSchema>): Promise<{ email: string }> {
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const now = new Date();
      const [link] = await tx.staffLink.updateManyAndReturn({
        where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (!link) {
        const reason = staffLinkProblem(await tx.staffLink.findUnique({ where: { tokenHash } }), now) ?? "link_used";
        throw new AppError("invalid_input", "This link cannot be used.", { reason }, { token: [reason] });
      }
      const target = { name: link.name, email: link.email };
      if (link.kind === "invitation") {
        await tx.user.create({ data: { workspaceId: link.workspaceId, name: link.name, email: link.email, role: link.role, passwordHash } });
        await recordStaffChange(tx, { workspaceId: link.workspaceId, kind: "joined", actorUserId: null, target });
      } else if (link.userId) {
        // A reset link always names its account (deleting the account deletes its links).
        await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
        await deleteSessions(tx, { userId: link.userId });
        await recordStaffChange(tx, { workspaceId: link.workspaceId, kind: "password_reset", actorUserId: null, target });
      }
      return { email: link.email };
    });
  } catch (error) {
    // The email found an account since the invitation was made (added by hand, or another shop's).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This email already has an account.", {}, { token: ["email_taken"] });
    }
    throw error;
  }
}
