// The webhook endpoint itself: verification handshake, signature, size limit and bad bodies. Nothing
// that fails a check may reach the database.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { GET, POST } from "@/app/api/webhooks/facebook/route";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import { MAX_WEBHOOK_BYTES } from "@/lib/channels/facebook/webhook-ingest";
import { resetDatabase } from "../support/reset-database";
import { signedWebhookRequest } from "../support/messenger-fixtures";

const URL = "http://localhost/api/webhooks/facebook";
// As Facebook writes it: escaped non-ASCII and slashes; the signature covers exactly these bytes.
const BODY =
  '{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1,"message":{"mid":"m_1","text":"Ch\\u00e0o https:\\/\\/shop.vn"}}]}]}';

beforeEach(resetDatabase);

const storedCount = () => db().webhookEvent.count();

function post(body: BodyInit, headers: Record<string, string>): Promise<Response> {
  return POST(new Request(URL, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

describe("GET verification", () => {
  it("answers the challenge as plain text to the right verify token", async () => {
    const query = `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(env().META_VERIFY_TOKEN)}&hub.challenge=1158201444`;
    const response = await GET(new Request(`${URL}?${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token with 403", async () => {
    const response = await GET(new Request(`${URL}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`));
    expect(response.status).toBe(403);
  });
});

describe("POST", () => {
  it("stores the raw body byte for byte and answers 200", async () => {
    const response = await POST(signedWebhookRequest(BODY, env().META_APP_SECRET));
    expect(response.status).toBe(200);
    const rows = await db().webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: "facebook", rawBody: BODY, processedAt: null, attempts: 0 });
  });

  it("refuses a missing, wrong or re-serialised signature with 403 and stores nothing", async () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    const attempts = [
      {},
      { "x-hub-signature-256": "sha256=" + "0".repeat(64) },
      { "x-hub-signature-256": signWebhookBody("another-secret", BODY) },
      { "x-hub-signature-256": signWebhookBody(env().META_APP_SECRET, reserialised) },
    ];
    for (const headers of attempts) {
      expect((await post(BODY, { "content-type": "application/json", ...headers })).status).toBe(403);
    }
    expect(await storedCount()).toBe(0);
  });

  it("refuses a signed body that is not JSON, or not a webhook, with 400 and stores nothing", async () => {
    for (const body of ['{"object":"page","entry":[', "", "[]", '{"object":"page"}', "null"]) {
      expect((await POST(signedWebhookRequest(body, env().META_APP_SECRET))).status).toBe(400);
    }
    expect(await storedCount()).toBe(0);
  });

  it("refuses a body over 1 MiB with 413, whether declared or streamed without a length", async () => {
    const big = `{"object":"page","entry":[],"pad":"${"x".repeat(MAX_WEBHOOK_BYTES)}"}`;
    const signature = { "x-hub-signature-256": signWebhookBody(env().META_APP_SECRET, big) };
    expect((await post(big, { ...signature, "content-length": String(Buffer.byteLength(big)) })).status).toBe(413);

    const chunk = new TextEncoder().encode(big.slice(0, 64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_WEBHOOK_BYTES * 2) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expect((await post(stream, signature)).status).toBe(413);
    // The reader stopped soon after the limit instead of reading all it was offered.
    expect(sent).toBeLessThan(MAX_WEBHOOK_BYTES + 3 * chunk.byteLength);
    expect(await storedCount()).toBe(0);
  });

  it("accepts a body of exactly the limit", async () => {
    const prefix = '{"object":"page","entry":[],"pad":"';
    const body = `${prefix}${"x".repeat(MAX_WEBHOOK_BYTES - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(MAX_WEBHOOK_BYTES);
    expect((await POST(signedWebhookRequest(body, env().META_APP_SECRET))).status).toBe(200);
    expect(await storedCount()).toBe(1);
  });
});
