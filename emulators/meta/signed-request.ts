// Facebook's signed_request: b64url(HMAC-SHA256(app secret, payload part)) + "." + b64url(JSON payload).
import { createHmac } from "node:crypto";

export interface SignedRequestPayload {
  algorithm: "HMAC-SHA256";
  issued_at: number;
  user_id: string;
}

export function signedRequest(appSecret: string, payload: SignedRequestPayload): string {
  const payloadPart = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  const signature = createHmac("sha256", appSecret).update(payloadPart).digest("base64url");
  return `${signature}.${payloadPart}`;
}
