// The GET handshake Facebook makes when the webhook URL is saved in the app dashboard: echo
// hub.challenge back only to a caller that knows our verify token.
import { timingSafeEqual } from "node:crypto";

/** The challenge to answer with, or null when the request must be refused (403). */
export function webhookChallenge(query: URLSearchParams, verifyToken: string): string | null {
  const token = Buffer.from(query.get("hub.verify_token") ?? "");
  const expected = Buffer.from(verifyToken);
  const tokenMatches = token.length === expected.length && timingSafeEqual(token, expected);
  if (query.get("hub.mode") !== "subscribe" || !tokenMatches) return null;
  return query.get("hub.challenge");
}
