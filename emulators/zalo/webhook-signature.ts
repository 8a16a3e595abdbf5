// The X-ZEvent-Signature header Zalo puts on webhooks: plain SHA-256 (not an HMAC) of
// app_id + raw body + the body's timestamp + the OA secret key, as hex behind "mac=".
import { createHash } from "node:crypto";

function zaloEventMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${oaSecretKey}`, "utf8").digest("hex");
}

export function zaloSignatureHeader(
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
  style: "mac" | "bare" = "mac",
): string {
  const mac = zaloEventMac(appId, rawBody, timestamp, oaSecretKey);
  return style === "mac" ? `mac=${mac}` : mac;
}
