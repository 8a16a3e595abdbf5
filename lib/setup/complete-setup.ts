// "Thiết lập cửa hàng": the setup screen's submission. It needs the token of the printed setup
// link, works once, and of concurrent submissions exactly one creates the workspace.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/one-time-token";
import { passwordSchema } from "@/lib/auth/password-policy";
import { emailSchema, staffNameSchema } from "@/lib/staff/staff-schemas";
import { shopNameSchema, timeZoneSchema } from "@/lib/workspace/workspace-settings";
import { SETUP_TOKEN_ID } from "@/lib/setup/setup-token";
import { foundWorkspace, lockFirstRun } from "@/lib/setup/found-workspace";

export const setupSchema = z.object({
  token: z.string().max(200),
  shopName: shopNameSchema,
  timeZone: timeZoneSchema,
  name: staffNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export type SetupInput = z.infer<typeof setupSchema>;

export async function completeSetup(input: SetupInput): Promise<{ email: string }> {
  // Hashed before the lock: scrypt takes a while, and racing submissions should not queue behind it.
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await lockFirstRun(tx);
    const setupToken = await tx.setupToken.findUnique({ where: { id: SETUP_TOKEN_ID } });
    if (!setupToken) throw new AppError("not_found", "The shop is already set up.");
    if (hashToken(input.token) !== setupToken.tokenHash) {
      throw new AppError("invalid_input", "The setup link is wrong.", {}, { token: ["setup_token_wrong"] });
    }
    await foundWorkspace(tx, { name: input.shopName, timeZone: input.timeZone }, { name: input.name, email: input.email, passwordHash });
  });
  return { email: input.email };
}
