// Facebook's signed_request (deauthorize and data-deletion callbacks): "<sig>.<payload>", both
// base64url, sig = HMAC-SHA256(app secret, payload part). Pure: verified before anything is read.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const payloadSchema = z.object({
  algorithm: z.string(),
  issued_at: z.number().int().optional(),
  user_id: z.string().min(1),
});

export type SignedRequestPayload = z.infer<typeof payloadSchema>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The payload when the signature and algorithm check out; null for anything else. */
export function verifySignedRequest(signedRequest: string, appSecret: string): SignedRequestPayload | null {
  const parts = signedRequest.split(".");
  if (parts.length !== 2) return null;
  const [signaturePart, payloadPart] = parts as [string, string];
  if (!BASE64URL.test(signaturePart) || !BASE64URL.test(payloadPart)) return null;

  const expected = createHmac("sha256", appSecret).update(payloadPart).digest();
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  let payload: SignedRequestPayload;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  // The algorithm named inside must be the one we checked with, as Facebook's own SDKs insist.
  return payload.algorithm.toUpperCase() === "HMAC-SHA256" ? payload : null;
}
