// A signed-in user changes their own password. The device doing it stays signed in; every other
// session of theirs ends (a thief holding one is out). Guesses at the current password count
// against the same limits as sign-in, so a stolen session cannot be used to guess it faster.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "@/lib/auth/login-throttle";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import type { SignedInSession } from "@/lib/auth/session-token";
import { passwordSchema } from "@/lib/auth/password-policy";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export async function changePassword(
  { user, sessionId }: SignedInSession,
  input: z.infer<typeof changePasswordSchema>,
  address: string | undefined,
): Promise<void> {
  if (await isLoginThrottled(user.email, address)) {
    throw new AppError("rate_limited", "Too many wrong passwords. Try again in 15 minutes.");
  }
  const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, passwordHash))) {
    await recordLoginFailure(user.email, address);
    throw new AppError("invalid_input", "The current password is wrong.", {}, { currentPassword: ["wrong_password"] });
  }
  await clearLoginFailures(user.email, address);
  const others = { userId: user.id, exceptSessionId: sessionId };
  const newHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash } });
    await deleteSessions(tx, others);
  });
  disconnectSockets(others);
}
