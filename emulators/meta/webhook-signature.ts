// The X-Hub-Signature-256 header Facebook puts on webhooks: HMAC-SHA256 of the raw body with the app secret.
import { createHmac } from "node:crypto";

export function hubSignature256(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/** The legacy SHA-1 header Facebook still sends alongside. */
export function hubSignatureSha1(appSecret: string, rawBody: Buffer | string): string {
  return `sha1=${createHmac("sha1", appSecret).update(rawBody).digest("hex")}`;
}
