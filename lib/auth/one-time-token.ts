// Secrets handed out once in a link (setup, invitations, password resets): random, and stored only
// as their SHA-256 hash, so reading the database gives nobody a usable link.
import { createHash, randomBytes } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, base64url: letters, digits, "-" and "_", so it fits an address as it is. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
