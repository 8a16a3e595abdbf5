// Webhooks: signatures over the raw bytes, event shapes, retries, subscriptions and deauthorization.
import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { jsonOf, type RecordedRequest } from "../../emulators/meta/webhook-recorder";
import {
  APP_SECRET,
  MESSAGING_FIELDS,
  startWebhookHarness,
  type Json,
} from "../support/meta-emulator-harness";

const { emulator, recorder, control, firstPage } = await startWebhookHarness({
  webhookRetryDelaysMs: [20, 40],
  webhookTimeoutMs: 200,
  deliveryDelayMs: 20,
});
let pageId: string;
let psid: string;
let pageToken: string;

beforeEach(async () => {
  ({ pageId, psid, pageToken } = await firstPage());
  await subscribe(pageId, pageToken, MESSAGING_FIELDS);
});

async function subscribe(page: string, token: string, fields: string): Promise<Json> {
  const res = await fetch(
    `${emulator.url}/v27.0/${page}/subscribed_apps?subscribed_fields=${fields}&access_token=${token}`,
    { method: "POST" },
  );
  return res.json();
}

const events = (r: RecordedRequest): Json[] => (jsonOf(r) as Json).entry.flatMap((e: Json) => e.messaging);

describe("webhooks", () => {
  it("signs the raw bytes with HMAC-SHA256 of the app secret, escaping unicode like Facebook", async () => {
    const sent = await control("POST", "/messages", {
      pageId,
      psid,
      text: "Chào shop, áo này giá bao nhiêu? 😊",
      quickReplyPayload: "SIZE_M",
    });
    expect(sent.status).toBe(201);
    expect(sent.body.delivery.state).toBe("delivered");
    const request = recorder.requests[0]!;
    const expected = `sha256=${createHmac("sha256", APP_SECRET).update(request.rawBody).digest("hex")}`;
    expect(request.headers["x-hub-signature-256"]).toBe(expected);
    const raw = request.rawBody.toString("utf8");
    expect(raw).toContain("Ch\\u00e0o shop");
    expect(raw).toContain("\\ud83d\\ude0a");
    // Re-serialising the parsed body changes the bytes, so its HMAC would not match.
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(`sha256=${createHmac("sha256", APP_SECRET).update(reserialised).digest("hex")}`).not.toBe(
      expected,
    );

    const body = jsonOf(request) as Json;
    expect(body).toMatchObject({ object: "page", entry: [{ id: pageId, time: expect.any(Number) }] });
    expect(body.entry[0].messaging[0]).toEqual({
      sender: { id: psid },
      recipient: { id: pageId },
      timestamp: expect.any(Number),
      message: {
        mid: sent.body.mid,
        text: "Chào shop, áo này giá bao nhiêu? 😊",
        quick_reply: { payload: "SIZE_M" },
      },
    });
  });

  it("lets a new customer write first, with attachments, stickers and replies", async () => {
    const first = await control("POST", "/messages", {
      pageId,
      customer: { firstName: "Thu Hà", lastName: "Phạm" },
      text: "Xin chào",
    });
    const newPsid = first.body.psid;
    expect(emulator.world.customer(newPsid)!.name).toBe("Phạm Thu Hà");
    await control("POST", "/messages", {
      pageId,
      psid: newPsid,
      attachments: [{ type: "image", url: "/_emulator/media/ao.svg" }],
      replyToMid: first.body.mid,
    });
    await control("POST", "/messages", { pageId, psid: newPsid, sticker: "like" });
    const [, photo, like] = recorder.requests.map((r) => events(r)[0].message);
    expect(photo).toMatchObject({
      attachments: [{ type: "image", payload: { url: `${emulator.url}/_emulator/media/ao.svg` } }],
      reply_to: { mid: first.body.mid },
    });
    expect(like).toMatchObject({
      sticker_id: 369239263222822,
      attachments: [{ type: "image", payload: { sticker_id: 369239263222822 } }],
    });
  });

  it("delivers postbacks, reactions, reads, deliveries and a foreign echo in Messenger's shapes", async () => {
    const mid = emulator.world.threadOf(pageId, psid)!.messages.at(-1)!.mid;
    await control("POST", "/postbacks", { pageId, psid, title: "Mua ngay", payload: "BUY_1" });
    await control("POST", "/reactions", { pageId, psid, mid, reaction: "love" });
    await control("POST", "/reactions", {
      pageId,
      psid,
      mid: "m_unknown",
      action: "unreact",
      reaction: "like",
    });
    await control("POST", "/reads", { pageId, psid, watermark: 1_700_000_000_000 });
    await control("POST", "/deliveries", { pageId, psid });
    const echo = await control("POST", "/echoes", { pageId, psid, text: "Nhân viên trả lời trên Facebook" });
    await recorder.waitFor((r) => events(r).some((e) => e.delivery?.mids?.includes(echo.body.mid)));

    const all = recorder.requests.flatMap(events);
    expect(all[0]).toMatchObject({
      postback: { title: "Mua ngay", payload: "BUY_1", mid: expect.stringMatching(/^m_/) },
    });
    expect(all[1]).toMatchObject({ reaction: { reaction: "love", emoji: "❤", action: "react", mid } });
    expect(all[2]).toMatchObject({ reaction: { action: "unreact", mid: "m_unknown" } });
    expect(all[3]).toMatchObject({ sender: { id: psid }, read: { watermark: 1_700_000_000_000 } });
    expect(all[4].delivery).toEqual({ watermark: expect.any(Number) });
    expect(all[5]).toMatchObject({
      sender: { id: pageId },
      message: { is_echo: true, app_id: 263902037430900, text: "Nhân viên trả lời trên Facebook" },
    });
  });

  it("batches a page's events that queue behind the delivery in flight, in order, as Facebook does", async () => {
    let answered = 0;
    recorder.respondWith(() => ({ status: 200, delayMs: answered++ === 0 ? 100 : 0 }));
    const texts = ["một", "hai", "ba", "bốn"];
    const sent: Json[] = [];
    // Not waiting for the deliveries: the first is still in flight when the others come.
    for (const text of texts)
      sent.push(await control("POST", "/messages?wait=false", { pageId, psid, text }));
    await recorder.waitFor((r) => events(r).some((e) => e.message?.text === "bốn"));

    expect(recorder.requests.map((r) => events(r).map((e) => e.message.text))).toEqual([
      ["một"],
      ["hai", "ba", "bốn"],
    ]);
    // Each call names the delivery that carried its event.
    const deliveryIds = sent.map((response) => response.body.delivery.id);
    expect(new Set(deliveryIds.slice(1)).size).toBe(1);
    expect(deliveryIds[0]).not.toBe(deliveryIds[1]);
  });

  it("delivers only the fields the page subscribed to", async () => {
    await subscribe(pageId, pageToken, "messages");
    await control("POST", "/reads", { pageId, psid });
    const message = await control("POST", "/messages", { pageId, psid, text: "chỉ tin nhắn" });
    expect(message.body.delivery.state).toBe("delivered");
    expect(recorder.requests).toHaveLength(1);
  });

  it("retries failures with backoff, then drops the page's subscription", async () => {
    let calls = 0;
    recorder.respondWith(() => ({ status: ++calls < 3 ? 500 : 200 }));
    const ok = await control("POST", "/messages", { pageId, psid, text: "thử lại" });
    expect(ok.body.delivery.state).toBe("delivered");
    expect(ok.body.delivery.attempts.map((a: Json) => a.status)).toEqual([500, 500, 200]);
    expect(recorder.requests.map((r) => r.rawBody.toString())).toEqual(
      Array(3).fill(recorder.requests[0]!.rawBody.toString()),
    );

    recorder.respondWith(() => ({ status: 200, delayMs: 400 }));
    const slow = await control("POST", "/messages", { pageId, psid, text: "quá chậm" });
    expect(slow.body.delivery.state).toBe("failed");
    expect(slow.body.delivery.attempts).toHaveLength(3);
    expect(slow.body.delivery.attempts[0].error).toMatch(/timeout/);
    expect(emulator.world.subscriptions.has(pageId)).toBe(false);
    const list = await control("GET", `/webhooks/deliveries?pageId=${pageId}`);
    expect(list.body.data.at(-1).note).toMatch(/subscription removed/);
  });

  it("drops a page's subscription on demand, as Facebook does after long failures (item 16)", async () => {
    expect((await control("POST", "/subscriptions/drop", { pageId })).body).toEqual({ dropped: true });
    const listed = await fetch(`${emulator.url}/v27.0/${pageId}/subscribed_apps?access_token=${pageToken}`);
    expect(((await listed.json()) as Json).data).toEqual([]);
    const message = await control("POST", "/messages", { pageId, psid, text: "không ai nghe" });
    expect(message.body.delivery).toBeNull();
    expect(recorder.requests).toHaveLength(0);

    expect((await control("POST", "/subscriptions/drop", { pageId })).body).toEqual({ dropped: false });
    expect((await control("POST", "/subscriptions/drop", { pageId: "404" })).status).toBe(404);
  });

  it("delivers raw payloads: batched pages, duplicates and bad signatures", async () => {
    const otherPage = emulator.world.pages[1]!.id;
    const raw = await control("POST", "/webhooks/raw", {
      entries: [
        {
          pageId,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: pageId },
              timestamp: 1,
              message: { mid: "m_dup", text: "a" },
            },
          ],
        },
        {
          pageId: otherPage,
          messaging: [{ sender: { id: "1" }, recipient: { id: otherPage }, timestamp: 2, unknown_event: {} }],
        },
      ],
      times: 2,
    });
    expect(raw.body.data).toHaveLength(2);
    expect(recorder.requests).toHaveLength(2);
    expect(recorder.requests[0]!.rawBody.equals(recorder.requests[1]!.rawBody)).toBe(true);
    expect((jsonOf(recorder.requests[0]!) as Json).entry.map((e: Json) => e.id)).toEqual([pageId, otherPage]);

    await control("POST", "/webhooks/raw", { body: { object: "page", entry: [] }, signature: "invalid" });
    const bad = recorder.requests[2]!;
    expect(bad.headers["x-hub-signature-256"]).not.toBe(
      `sha256=${createHmac("sha256", APP_SECRET).update(bad.rawBody).digest("hex")}`,
    );
    await control("POST", "/webhooks/raw", { body: { object: "page", entry: [] }, signature: "missing" });
    expect(recorder.requests[3]!.headers["x-hub-signature-256"]).toBeUndefined();
  });

  it("deauthorizes a user: signed_request to the callback, and their tokens stop working", async () => {
    const userId = emulator.world.users[0]!.id;
    const result = await control("POST", "/deauthorize", { userId });
    expect(result.body.callback.state).toBe("delivered");
    const request = recorder.requests.find((r) => r.path === "/deauthorize")!;
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const signed = new URLSearchParams(request.rawBody.toString()).get("signed_request")!;
    const [signature, payload] = signed.split(".");
    expect(signature).toBe(createHmac("sha256", APP_SECRET).update(payload!).digest("base64url"));
    expect(JSON.parse(Buffer.from(payload!, "base64url").toString())).toEqual({
      algorithm: "HMAC-SHA256",
      issued_at: expect.any(Number),
      user_id: userId,
    });

    const res = await fetch(`${emulator.url}/v27.0/${pageId}/conversations?access_token=${pageToken}`);
    expect(((await res.json()) as Json).error).toMatchObject({ code: 190, error_subcode: 458 });
  });

  it("refuses subscriptions without a managing task or pages_manage_metadata", async () => {
    const binh = emulator.world.users[1]!;
    const myPham = emulator.world.pages[1]!;
    const analyst = (await control("POST", "/tokens", { userId: binh.id, pageId: myPham.id })).body.pageToken;
    expect((await subscribe(myPham.id, analyst, "messages")).error).toMatchObject({ code: 200 });

    const noMetadata = (
      await control("POST", "/tokens", {
        userId: emulator.world.users[0]!.id,
        pageId,
        scopes: ["pages_show_list", "pages_messaging"],
      })
    ).body.pageToken;
    expect((await subscribe(pageId, noMetadata, "messages")).error).toMatchObject({ code: 10 });
    // Grants belong to the user, so granting the permission again fixes every token of theirs.
    await control("POST", "/tokens", { userId: emulator.world.users[0]!.id });
    expect((await subscribe(pageId, noMetadata, "messages")).success).toBe(true);
    expect((await subscribe(pageId, pageToken, "bogus")).error).toMatchObject({ code: 100 });
  });
});
