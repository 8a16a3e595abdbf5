// Zalo's X-ZEvent-Signature: plain SHA-256 (not an HMAC) of app id + raw body + the body's
// `timestamp` + the OA secret key, hex, sent with or without a "mac=" prefix (docs/platforms/zalo.md,
// "Webhook signature"). The formula lives here only. Pure.
import { createHash, timingSafeEqual } from "node:crypto";

const HEADER_PATTERN = /^(?:mac=)?([0-9a-f]{64})$/i;

/** The hex digest Zalo sends for a body with this `timestamp`. */
export function zaloSignatureDigest(appId: string, rawBody: Uint8Array | string, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest("hex");
}

/**
 * The body's own top-level `timestamp` as it is written (milliseconds, a string or a number); null
 * when the body is not a JSON object carrying one.
 */
export function webhookTimestampOf(rawBody: string): string | null {
  try {
    const body: unknown = JSON.parse(rawBody);
    if (typeof body !== "object" || body === null || !("timestamp" in body)) return null;
    const { timestamp } = body;
    if (typeof timestamp === "string" && /^\d{1,16}$/.test(timestamp)) return timestamp;
    return typeof timestamp === "number" && Number.isSafeInteger(timestamp) ? String(timestamp) : null;
  } catch {
    return null;
  }
}

/** The header value Zalo would send for `rawBody` (tests, benchmarks). */
export function signZaloWebhookBody(appId: string, oaSecretKey: string, rawBody: string): string {
  return `mac=${zaloSignatureDigest(appId, rawBody, webhookTimestampOf(rawBody) ?? "", oaSecretKey)}`;
}

/**
 * True only when `header` signs exactly these bytes. An old timestamp is not refused: Zalo retries a
 * failed delivery for hours, and a replayed body is deduplicated by its msg_id.
 */
export function isValidZaloSignature(appId: string, oaSecretKey: string, rawBody: Uint8Array, header: string): boolean {
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match?.[1]) return false;
  const timestamp = webhookTimestampOf(Buffer.from(rawBody).toString("utf8"));
  if (timestamp === null) return false;
  const expected = Buffer.from(zaloSignatureDigest(appId, rawBody, timestamp, oaSecretKey), "hex");
  // Constant-time: how long a mismatch takes must not reveal how many bytes matched.
  return timingSafeEqual(Buffer.from(match[1], "hex"), expected);
}
