// PKCE as Zalo's OAuth v4 checks it: code_challenge = base64url(SHA-256(code_verifier)), unpadded.
import { createHash } from "node:crypto";

export function codeChallengeOf(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

export function verifierMatches(codeVerifier: string, codeChallenge: string): boolean {
  return codeChallengeOf(codeVerifier) === codeChallenge;
}
