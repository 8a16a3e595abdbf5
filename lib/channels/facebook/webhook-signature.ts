// Checks Facebook's X-Hub-Signature-256 header: HMAC-SHA256 of the raw request bytes with the app
// secret. Pure (no I/O), so the route and the tests share one implementation.
import { createHmac, timingSafeEqual } from "node:crypto";

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** The header value Facebook would send for `rawBody`; used by tests, the benchmark and the emulator side. */
export function signWebhookBody(appSecret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/**
 * True only when `header` is a well-formed sha256 signature of exactly these bytes. The body must be
 * the bytes as received: re-serialised JSON differs (Facebook escapes "/" and non-ASCII characters).
 */
export function isValidWebhookSignature(appSecret: string, rawBody: Uint8Array, header: string | null): boolean {
  const match = header ? HEADER_PATTERN.exec(header.trim()) : null;
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  // Constant-time comparison: how long a mismatch takes must not reveal how many bytes matched.
  return timingSafeEqual(received, expected);
}
