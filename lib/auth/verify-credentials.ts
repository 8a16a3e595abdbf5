// Checks an email and password for sign-in. Returns the user or a reason code; never says which of
// email or password was wrong.
import { z } from "zod";
import { db } from "@/lib/db";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "@/lib/auth/login-throttle";
import { unusablePasswordHash, verifyPassword } from "@/lib/auth/password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type SignInFailure = "invalid_credentials" | "rate_limited" | "invalid_input";

export async function verifyCredentials(input: unknown, address: string | undefined) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, reason: "invalid_input" as SignInFailure };
  const { email, password } = parsed.data;

  if (await isLoginThrottled(email, address)) return { ok: false as const, reason: "rate_limited" as SignInFailure };

  const user = await db().user.findUnique({ where: { email } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await unusablePasswordHash));
  if (!user || !valid || !user.active) {
    await recordLoginFailure(email, address);
    return { ok: false as const, reason: "invalid_credentials" as SignInFailure };
  }
  await clearLoginFailures(email, address);
  return { ok: true as const, user };
}
