// A signed-in user changes their own password; every existing session of theirs ends.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/staff/staff-schemas";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export async function changePassword(userId: string, input: z.infer<typeof changePasswordSchema>) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "The current password is wrong.", {}, { currentPassword: ["wrong_password"] });
  }
  await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
}
