// Zalo's webhook signature (docs/platforms/zalo.md, "Webhook signature"): SHA-256 of app id + raw body
// + the body's timestamp + OA secret key, hex, with or without "mac=", compared on the exact bytes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidZaloSignature, signZaloWebhookBody, webhookTimestampOf } from "@/lib/channels/zalo/webhook-signature";

const APP_ID = "2000000000000000001";
const OA_SECRET = "oa-secret-key";
const body = '{"app_id":"2000000000000000001","event_name":"user_send_text","timestamp":"1764750001000","message":{"msg_id":"m1","text":"Ch\\u00e0o shop"}}';
const bytes = (text: string) => new TextEncoder().encode(text);

describe("Zalo webhook signature", () => {
  it("is the plain SHA-256 of app id, raw body, timestamp and OA secret key", () => {
    const expected = createHash("sha256").update(`${APP_ID}${body}1764750001000${OA_SECRET}`).digest("hex");
    expect(signZaloWebhookBody(APP_ID, OA_SECRET, body)).toBe(`mac=${expected}`);
  });

  it("accepts the header with or without mac=, in either case, and nothing else", () => {
    const signature = signZaloWebhookBody(APP_ID, OA_SECRET, body);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body), signature)).toBe(true);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body), signature.slice(4))).toBe(true);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body), signature.toUpperCase().replace("MAC=", "mac="))).toBe(true);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body), "mac=")).toBe(false);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body), `sha256=${signature.slice(4)}`)).toBe(false);
  });

  it("refuses other bytes (re-escaped unicode too), another secret, another app, and a body without a timestamp", () => {
    const signature = signZaloWebhookBody(APP_ID, OA_SECRET, body);
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(body.replace("\\u00e0", "à")), signature)).toBe(false);
    expect(isValidZaloSignature(APP_ID, "another-secret", bytes(body), signature)).toBe(false);
    expect(isValidZaloSignature("2000000000000000002", OA_SECRET, bytes(body), signature)).toBe(false);
    const noTimestamp = '{"event_name":"user_send_text"}';
    expect(isValidZaloSignature(APP_ID, OA_SECRET, bytes(noTimestamp), signZaloWebhookBody(APP_ID, OA_SECRET, noTimestamp))).toBe(false);
  });

  it("reads the top-level timestamp as written, a string or a number", () => {
    expect(webhookTimestampOf('{"timestamp":"1764750001000"}')).toBe("1764750001000");
    expect(webhookTimestampOf('{"timestamp":1764750001000}')).toBe("1764750001000");
    expect(webhookTimestampOf('{"message":{"timestamp":"1"}}')).toBeNull();
    expect(webhookTimestampOf("not json")).toBeNull();
  });
});
