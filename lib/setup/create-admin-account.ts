// `npm run admin:create`: an admin account from a shell, for servers nobody browses to before
// they are set up. On an empty database it founds the workspace as the setup screen would (and
// closes that screen); otherwise it adds an admin to the existing workspace.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/auth/password-policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailSchema, staffNameSchema } from "@/lib/staff/staff-schemas";
import { recordStaffChange } from "@/lib/staff/record-staff-change";
import { shopNameSchema } from "@/lib/workspace/workspace-settings";
import { DEFAULT_TIME_ZONE } from "@/lib/workspace/working-week";
import { foundWorkspace, lockFirstRun } from "@/lib/setup/found-workspace";

export const adminAccountSchema = z.object({
  name: staffNameSchema,
  email: emailSchema,
  password: passwordSchema,
  /** Only used when there is no workspace yet; "Cài đặt cửa hàng" changes it later. */
  shopName: shopNameSchema.default("Cửa hàng của tôi"),
});

export async function createAdminAccount(input: z.input<typeof adminAccountSchema>): Promise<{ foundedWorkspace: boolean }> {
  const { name, email, password, shopName } = adminAccountSchema.parse(input);
  const admin = { name, email, passwordHash: await hashPassword(password) };
  try {
    return await db().$transaction(async (tx) => {
      await lockFirstRun(tx);
      // The oldest workspace: a self-hosted copy has one (the demo seed adds its own beside it).
      const workspace = await tx.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
      if (!workspace || (await tx.user.count()) === 0) {
        await foundWorkspace(tx, { name: shopName, timeZone: DEFAULT_TIME_ZONE }, admin);
        return { foundedWorkspace: true };
      }
      await tx.user.create({ data: { ...admin, role: "admin", workspaceId: workspace.id } });
      await recordStaffChange(tx, { workspaceId: workspace.id, kind: "added", actorUserId: null, target: admin, detail: "admin" });
      return { foundedWorkspace: false };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This email already has an account.", {}, { email: ["email_taken"] });
    }
    throw error;
  }
}
