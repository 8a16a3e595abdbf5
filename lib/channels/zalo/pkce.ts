// PKCE for Zalo's OAuth v4 (docs/platforms/zalo.md, "Authorization"): the code_verifier is 43
// alphanumeric characters and code_challenge = base64url(SHA-256(verifier)), unpadded. The verifier
// is derived from the login's single-use `state` with a keyed hash, so nothing more is stored: only
// the server that issued the state can compute it, and the state itself is kept only as a hash.
import { createHash, createHmac } from "node:crypto";
import { env } from "@/lib/env";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const CODE_VERIFIER_LENGTH = 43;

export function codeVerifierFor(state: string, secret = env().NEXTAUTH_SECRET): string {
  // 64 bytes of keyed hash; 248 is the largest multiple of 62 below 256, so skipping larger bytes
  // keeps every character equally likely.
  const bytes = Buffer.concat([1, 2].map((round) => createHmac("sha256", secret).update(`zalo-pkce:${round}:${state}`).digest()));
  const usable = [...bytes].filter((byte) => byte < 248);
  return usable
    .slice(0, CODE_VERIFIER_LENGTH)
    .map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length])
    .join("");
}

export function codeChallengeOf(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
