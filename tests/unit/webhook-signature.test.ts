import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidWebhookSignature, signWebhookBody } from "@/lib/channels/facebook/webhook-signature";

const SECRET = "app-secret-123";
// Facebook's own bytes: non-ASCII and "/" escaped. Re-serialising the parsed JSON changes them.
const raw = Buffer.from('{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"Ch\\u00e0o https:\\/\\/shop.vn"}}]}]}');
const hex = createHmac("sha256", SECRET).update(raw).digest("hex");

describe("X-Hub-Signature-256", () => {
  it("accepts the HMAC-SHA256 of the exact raw bytes", () => {
    expect(isValidWebhookSignature(SECRET, raw, `sha256=${hex}`)).toBe(true);
    expect(signWebhookBody(SECRET, raw)).toBe(`sha256=${hex}`);
  });

  it("accepts upper-case hex and surrounding whitespace", () => {
    expect(isValidWebhookSignature(SECRET, raw, ` sha256=${hex.toUpperCase()} `)).toBe(true);
  });

  it("rejects a signature over the re-serialised JSON (unescaped characters)", () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString("utf8"))));
    expect(reserialised.equals(raw)).toBe(false);
    expect(isValidWebhookSignature(SECRET, reserialised, `sha256=${hex}`)).toBe(false);
  });

  it("rejects a missing, empty, malformed, truncated, SHA-1 or wrong-secret signature", () => {
    const wrongSecret = createHmac("sha256", "other-secret").update(raw).digest("hex");
    const sha1 = createHmac("sha1", SECRET).update(raw).digest("hex");
    for (const header of [null, "", "sha256=", `sha256=${hex.slice(0, 63)}`, `sha256=${hex}00`, `sha1=${sha1}`, hex, `sha256=${wrongSecret}`, `sha256=${"z".repeat(64)}`]) {
      expect(isValidWebhookSignature(SECRET, raw, header)).toBe(false);
    }
  });

  it("rejects a body changed by one byte", () => {
    const changed = Buffer.from(raw);
    changed[changed.length - 3] = 0x41;
    expect(isValidWebhookSignature(SECRET, changed, `sha256=${hex}`)).toBe(false);
  });
});
