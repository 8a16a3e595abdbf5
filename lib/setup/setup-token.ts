// The first-run setup link. Outside demo mode, while nobody has an account, start-up prints
// APP_URL/setup?token=…; only the holder of that link (whoever can read the server's output) may
// create the workspace, not a stranger who happens to reach the server first.
//
// The token is an HMAC of a stored random salt under NEXTAUTH_SECRET, and the database keeps its
// SHA-256 hash: every process and every restart print the same link and accept it, and a copy of
// the database alone does not give it away.
import { createHmac, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashToken } from "@/lib/auth/one-time-token";

export const SETUP_TOKEN_ID = "first-run";

function deriveToken(salt: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`first-run-setup:${salt}`).digest("base64url");
}

/** The setup token while the database has no account, else null. Safe to call from several processes at once. */
export async function issueSetupToken(): Promise<string | null> {
  if ((await db().user.count()) > 0) return null;
  const salt = randomBytes(16).toString("hex");
  // The first process to get here picks the salt; the others read it.
  await db().setupToken.createMany({ data: [{ id: SETUP_TOKEN_ID, salt, tokenHash: hashToken(deriveToken(salt)) }], skipDuplicates: true });
  const row = await db().setupToken.findUnique({ where: { id: SETUP_TOKEN_ID } });
  if (!row) return null;
  const token = deriveToken(row.salt);
  // NEXTAUTH_SECRET changed since the row was written: the old link cannot be printed any more, so
  // the one printed now replaces it.
  if (hashToken(token) !== row.tokenHash) {
    await db().setupToken.update({ where: { id: SETUP_TOKEN_ID }, data: { tokenHash: hashToken(token) } });
  }
  return token;
}

export function setupLink(token: string): string {
  return `${env().APP_URL}/setup?token=${token}`;
}

/** Whether the setup screen is open: a setup token is waiting and nobody has an account yet. */
export async function isSetupOpen(): Promise<boolean> {
  const [tokens, users] = await Promise.all([db().setupToken.count(), db().user.count()]);
  return tokens > 0 && users === 0;
}
