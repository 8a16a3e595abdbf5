// An admin adds a staff account by email with a name, a role and an initial password.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AddStaffInput } from "@/lib/staff/staff-schemas";
import { recordStaffChange } from "@/lib/staff/record-staff-change";

/** `actorUserId`: the admin adding; null for a shell command (npm run admin:create). */
export async function addStaffMember(workspaceId: string, input: AddStaffInput, actorUserId: string | null) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const member = await tx.user.create({
        data: { workspaceId, name: input.name, email: input.email, role: input.role, passwordHash },
        select: { id: true, name: true, email: true, role: true, active: true, createdAt: true },
      });
      await recordStaffChange(tx, { workspaceId, kind: "added", actorUserId, target: member, detail: input.role });
      return member;
    });
  } catch (error) {
    // Emails are unique across workspaces: one person, one sign-in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This email already has an account.", {}, { email: ["email_taken"] });
    }
    throw error;
  }
}
