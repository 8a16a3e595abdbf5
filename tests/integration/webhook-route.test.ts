// The webhook endpoint itself: the verification handshake (App Router GET) and the POST as the
// custom server serves it — signature, size limit and bad bodies. Nothing refused may be stored.
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { GET } from "@/app/api/webhooks/facebook/route";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/ingest-webhook";
import { MAX_WEBHOOK_DEPTH, normalizeWebhookBody } from "@/lib/channels/facebook/normalize-webhook-body";
import { jsonNestingDepth } from "@/lib/http/json-depth";
import { resetDatabase } from "../support/reset-database";
import { postSignedWebhook, startWebhookServer, type WebhookServer } from "../support/webhook-http-server";

// As Facebook writes it: escaped non-ASCII and slashes; the signature covers exactly these bytes.
const BODY =
  '{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1,"message":{"mid":"m_1","text":"Ch\\u00e0o https:\\/\\/shop.vn"}}]}]}';

let server: WebhookServer;
beforeAll(async () => {
  server = await startWebhookServer();
});
afterAll(() => server.close());
beforeEach(resetDatabase);

const storedCount = () => db().webhookEvent.count();
const post = (body: string, headers: Record<string, string>) =>
  fetch(server.url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }).then((response) => response.status);

/** A POST whose body arrives in chunks without a Content-Length; counts how much was offered. */
function streamedPost(chunk: Buffer, chunks: number, signature: string): Promise<{ status: number; offered: number }> {
  return new Promise((resolve, reject) => {
    let offered = 0;
    const req = request(server.url, { method: "POST", headers: { "x-hub-signature-256": signature, "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, offered }));
    });
    req.on("error", reject);
    const writeNext = () => {
      while (offered < chunks * chunk.byteLength && !req.destroyed) {
        offered += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", writeNext);
      }
      req.end();
    };
    writeNext();
  });
}

describe("GET verification", () => {
  const url = "http://localhost/api/webhooks/facebook";

  it("answers the challenge as plain text to the right verify token", async () => {
    const query = `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(facebookApp().verifyToken)}&hub.challenge=1158201444`;
    const response = await GET(new Request(`${url}?${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token with 403", async () => {
    const response = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`));
    expect(response.status).toBe(403);
  });
});

describe("POST", () => {
  it("stores the raw body byte for byte and answers 200", async () => {
    expect(await postSignedWebhook(server.url, BODY, facebookApp().appSecret)).toBe(200);
    const rows = await db().webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: "facebook", rawBody: BODY, processedAt: null, attempts: 0 });
  });

  it("stores every body of a burst once, each before its own 200", async () => {
    const bodies = Array.from({ length: 60 }, (_, i) => BODY.replace('"m_1"', `"m_${i}"`));
    const statuses = await Promise.all(bodies.map((body) => postSignedWebhook(server.url, body, facebookApp().appSecret)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const rows = await db().webhookEvent.findMany({ select: { rawBody: true } });
    expect(rows.map((row) => row.rawBody).sort()).toEqual(bodies.toSorted());
  });

  it("refuses a missing, wrong or re-serialised signature with 403 and stores nothing", async () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    const attempts: Record<string, string>[] = [
      {},
      { "x-hub-signature-256": "sha256=" + "0".repeat(64) },
      { "x-hub-signature-256": signWebhookBody("another-secret", BODY) },
      { "x-hub-signature-256": signWebhookBody(facebookApp().appSecret, reserialised) },
    ];
    for (const headers of attempts) expect(await post(BODY, headers)).toBe(403);
    expect(await storedCount()).toBe(0);
  });

  it("refuses a signed body that is not JSON, or not a webhook, with 400 and stores nothing", async () => {
    for (const body of ['{"object":"page","entry":[', "", "[]", '{"object":"page"}', "null"]) {
      expect(await postSignedWebhook(server.url, body, facebookApp().appSecret)).toBe(400);
    }
    expect(await storedCount()).toBe(0);
  });

  it("item 6f: refuses a signed body nested too deep to process with 400 and stores nothing", async () => {
    const nested = (depth: number) => `{"object":"page","entry":[{"id":"1","time":1,"messaging":[],"x":${"[".repeat(depth)}${"]".repeat(depth)}}]}`;
    // Deep enough to exhaust the processor's stack, and just past the limit it applies.
    for (const body of [nested(200_000), nested(MAX_WEBHOOK_DEPTH - 2)]) {
      expect(jsonNestingDepth(body)).toBeGreaterThan(MAX_WEBHOOK_DEPTH);
      expect(normalizeWebhookBody(body, "test-app")).toMatchObject({ ok: false });
      expect(await postSignedWebhook(server.url, body, facebookApp().appSecret)).toBe(400);
    }
    expect(await storedCount()).toBe(0);

    const deepest = nested(MAX_WEBHOOK_DEPTH - 3);
    expect(jsonNestingDepth(deepest)).toBe(MAX_WEBHOOK_DEPTH);
    expect(normalizeWebhookBody(deepest, "test-app")).toEqual({ ok: true, events: [] });
    expect(await postSignedWebhook(server.url, deepest, facebookApp().appSecret)).toBe(200);
    expect(await storedCount()).toBe(1);
  });

  it("refuses a body over 1 MiB with 413, whether declared or streamed without a length", async () => {
    const big = `{"object":"page","entry":[],"pad":"${"x".repeat(MAX_WEBHOOK_BYTES)}"}`;
    expect(await postSignedWebhook(server.url, big, facebookApp().appSecret)).toBe(413);

    const chunk = Buffer.alloc(64 * 1024, "x");
    const streamed = await streamedPost(chunk, 64, signWebhookBody(facebookApp().appSecret, "irrelevant"));
    expect(streamed.status).toBe(413);
    expect(await storedCount()).toBe(0);
  });

  it("accepts a body of exactly the limit", async () => {
    const prefix = '{"object":"page","entry":[],"pad":"';
    const body = `${prefix}${"x".repeat(MAX_WEBHOOK_BYTES - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(MAX_WEBHOOK_BYTES);
    expect(await postSignedWebhook(server.url, body, facebookApp().appSecret)).toBe(200);
    expect(await storedCount()).toBe(1);
  });

  it("leaves every other request to Next.js", async () => {
    const response = await fetch(server.url.replace("/facebook", "/facebook/deauthorize"), { method: "POST", body: "x" });
    expect(response.status).toBe(404);
    expect((await fetch(server.url)).status).toBe(404);
  });
});
