// Deterministic, Zalo-looking ids (19-digit OA and user ids, 32-hex message ids) for one world.
import { createHash, randomBytes } from "node:crypto";
import { CountedIds } from "../shared/counted-ids";

export class ZaloIds extends CountedIds {
  /** 19-digit ids like Zalo's OA and user ids, e.g. prefix "579" → "5790000000000000001". */
  numeric(prefix: string): string {
    return this.paddedNumber(prefix, 19);
  }

  /** Message ids are opaque 32-character hex strings in Zalo's answers and webhooks. */
  msgId(): string {
    return createHash("sha256")
      .update(`msg:${this.next("msg")}`)
      .digest("hex")
      .slice(0, 32);
  }

  /** Upload handles (attachment ids, file tokens) are opaque strings too. */
  uploadId(kind: string): string {
    return createHash("sha256")
      .update(`${kind}:${this.next(`upload-${kind}`)}`)
      .digest("base64url");
  }
}

/** Codes and tokens are secrets: random, never derived from a counter. */
export function secretToken(bytes = 48): string {
  return randomBytes(bytes).toString("base64url");
}
