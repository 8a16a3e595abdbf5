// Send API: replies, echo + delivery webhooks, and the 24 h / 7 day messaging window.
import { beforeEach, describe, expect, it } from "vitest";
import { jsonOf, type RecordedRequest } from "../../emulators/meta/webhook-recorder";
import { APP_ID, MESSAGING_FIELDS, startWebhookHarness, type Json, type JsonReply } from "../support/meta-emulator-harness";

const { emulator, recorder, control, firstPage } = await startWebhookHarness({ webhookRetryDelaysMs: [20, 20], deliveryDelayMs: 30 });
let pageId: string;
let psid: string;
let pageToken: string;

beforeEach(async () => {
  emulator.world.config.echoBeforeResponse = false;
  ({ pageId, psid, pageToken } = await firstPage());
  const subscribed = await graph("POST", `/${pageId}/subscribed_apps`, { subscribed_fields: MESSAGING_FIELDS });
  expect(subscribed.body).toEqual({ success: true });
});

async function graph(
  method: string,
  path: string,
  body?: unknown,
  token = pageToken,
): Promise<JsonReply> {
  const res = await fetch(`${emulator.url}/v27.0${path}?access_token=${encodeURIComponent(token)}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const send = (body: Record<string, unknown>) =>
  graph("POST", `/${pageId}/messages`, { recipient: { id: psid }, ...body });
const eventsOf = (r: RecordedRequest): Json[] => (jsonOf(r) as Json).entry.flatMap((e: Json) => e.messaging);
const hasEvent = (pred: (e: Json) => boolean) => (r: RecordedRequest) => eventsOf(r).some(pred);

describe("Send API", () => {
  it("quotes a message of the thread with reply_to beside message (or inside it), echoed with the quote; refuses another thread's", async () => {
    const customerMid = emulator.world.threadOf(pageId, psid)?.messages.find((m) => m.direction === "in")?.mid;
    expect(customerMid).toBeDefined();
    const beside = await send({ message: { text: "Dạ còn ạ" }, reply_to: { mid: customerMid } });
    const inside = await send({ message: { text: "Dạ có size M", reply_to: { mid: customerMid } } });
    expect([beside.status, inside.status]).toEqual([200, 200]);
    const mids = [beside.body.message_id, inside.body.message_id];
    const stored = emulator.world.threadOf(pageId, psid)?.messages.filter((m) => mids.includes(m.mid));
    expect(stored?.map((m) => m.replyToMid)).toEqual([customerMid, customerMid]);
    expect(emulator.world.sends.filter((s) => s.mid !== undefined && mids.includes(s.mid)).map((s) => s.replyToMid)).toEqual([customerMid, customerMid]);
    const mid = beside.body.message_id;
    const echo = eventsOf(await recorder.waitFor(hasEvent((e) => e.message?.is_echo && e.message.mid === mid))).find((e) => e.message?.mid === mid);
    expect(echo?.message.reply_to).toEqual({ mid: customerMid });

    const stranger = await send({ message: { text: "Dạ" }, reply_to: { mid: "m_not_in_this_thread" } });
    expect(stranger).toMatchObject({ status: 400, body: { error: { code: 100 } } });
  });

  it("stores the reply, answers with a message id, then sends the echo and the delivery receipt", async () => {
    const reply = await send({
      messaging_type: "RESPONSE",
      message: { text: "Dạ shop chào chị ạ", metadata: "draft-42" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ recipient_id: psid, message_id: expect.stringMatching(/^m_/) });
    const mid = reply.body.message_id;

    const echo = eventsOf(
      await recorder.waitFor(hasEvent((e) => e.message?.is_echo && e.message.mid === mid)),
    ).find((e) => e.message?.mid === mid);
    expect(echo).toMatchObject({
      sender: { id: pageId },
      recipient: { id: psid },
      message: {
        mid,
        is_echo: true,
        app_id: Number(APP_ID),
        metadata: "draft-42",
        text: "Dạ shop chào chị ạ",
      },
    });
    const delivery = eventsOf(await recorder.waitFor(hasEvent((e) => e.delivery?.mids?.includes(mid)))).find(
      (e) => e.delivery,
    );
    expect(delivery).toMatchObject({
      sender: { id: psid },
      recipient: { id: pageId },
      delivery: { mids: [mid], watermark: expect.any(Number) },
    });

    const thread = emulator.world.threadOf(pageId, psid)!;
    expect(thread.messages.at(-1)).toMatchObject({
      mid,
      direction: "out",
      text: "Dạ shop chào chị ạ",
      appId: APP_ID,
    });
  });

  it("can deliver the echo before the Send API answers", async () => {
    emulator.world.config.echoBeforeResponse = true;
    const reply = await send({ messaging_type: "RESPONSE", message: { text: "Echo trước" } });
    const answeredAt = Date.now();
    const echo = recorder.requests.find(hasEvent((e) => e.message?.mid === reply.body.message_id));
    expect(echo).toBeDefined();
    expect(echo!.receivedAt).toBeLessThanOrEqual(answeredAt);
  });

  it("enforces the 24 hour window, allows HUMAN_AGENT up to 7 days, and refuses after that", async () => {
    await control("POST", "/threads/age", { pageId, psid, hours: 25 });
    const late = await send({ messaging_type: "RESPONSE", message: { text: "Trễ rồi" } });
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ type: "OAuthException", code: 10, error_subcode: 2018278 });

    const tagged = await send({
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { text: "Nhân viên trả lời" },
    });
    expect(tagged.status).toBe(200);

    await control("POST", "/threads/age", { pageId, psid, hours: 24 * 7 });
    const tooLate = await send({
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { text: "Quá 7 ngày" },
    });
    expect(tooLate.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    expect(emulator.world.sends.at(-1)).toMatchObject({ error: { code: 10, subcode: 2018278 } });
  });

  it("reopens the window when the customer writes again", async () => {
    await control("POST", "/threads/age", { pageId, psid, hours: 24 * 8 });
    expect((await send({ message: { text: "a" } })).status).toBe(400);
    await control("POST", "/messages", { pageId, psid, text: "Shop ơi" });
    expect((await send({ message: { text: "Dạ" } })).status).toBe(200);
  });

  it("rejects unknown recipients, over-long text and empty messages with Graph's codes", async () => {
    const unknown = await graph("POST", `/${pageId}/messages`, {
      recipient: { id: "999" },
      message: { text: "hi" },
    });
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
    const otherPagesCustomer = emulator.world.customers.find((c) => c.pageId !== pageId)!.psid;
    const foreign = await graph("POST", `/${pageId}/messages`, {
      recipient: { id: otherPagesCustomer },
      message: { text: "hi" },
    });
    expect(foreign.body.error.error_subcode).toBe(2018001);
    const long = await send({ message: { text: "a".repeat(2001) } });
    expect(long.body.error.code).toBe(100);
    expect((await send({ message: { text: "a".repeat(2000) } })).status).toBe(200);
    const empty = await send({ message: {} });
    expect(empty.body.error.code).toBe(100);
    const noRecipient = await graph("POST", `/${pageId}/messages`, { message: { text: "hi" } });
    expect(noRecipient.body.error.message).toContain("recipient");
  });

  it("sends attachments, accepts form-encoded calls and /me/messages", async () => {
    const image = await send({
      message: {
        attachment: { type: "image", payload: { url: "https://cdn.example/ao.jpg", is_reusable: true } },
      },
    });
    expect(image.status).toBe(200);
    expect(emulator.world.message(image.body.message_id)!.message.attachments).toEqual([
      { type: "image", url: "https://cdn.example/ao.jpg" },
    ]);

    const form = new URLSearchParams({
      recipient: JSON.stringify({ id: psid }),
      message: JSON.stringify({ text: "form" }),
      access_token: pageToken,
    });
    const res = await fetch(`${emulator.url}/v27.0/me/messages`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).recipient_id).toBe(psid);
  });

  it("handles sender actions without storing a message", async () => {
    const before = emulator.world.threadOf(pageId, psid)!.messages.length;
    for (const action of ["typing_on", "typing_off", "mark_seen"]) {
      expect((await send({ sender_action: action })).body).toEqual({ recipient_id: psid });
    }
    expect(emulator.world.threadOf(pageId, psid)!.messages.length).toBe(before);
    expect(emulator.world.threadOf(pageId, psid)!.pageSeenWatermark).toBeGreaterThan(Date.now() - 5000);
  });

  it("needs a page token of that page", async () => {
    const { userToken } = (await control("POST", "/tokens", { userId: emulator.world.users[0]!.id })).body;
    const withUserToken = await graph(
      "POST",
      `/${pageId}/messages`,
      { recipient: { id: psid }, message: { text: "x" } },
      userToken,
    );
    expect(withUserToken.body.error.code).toBe(210);
    const otherPage = emulator.world.pages[1]!.id;
    const wrongPage = await graph("POST", `/${otherPage}/messages`, {
      recipient: { id: psid },
      message: { text: "x" },
    });
    expect(wrongPage.body.error.code).toBe(100);
  });

  it("sends no webhooks for an unsubscribed page", async () => {
    expect((await graph("DELETE", `/${pageId}/subscribed_apps`)).body).toEqual({ success: true });
    expect((await graph("GET", `/${pageId}/subscribed_apps`)).body).toEqual({ data: [] });
    await send({ message: { text: "không có webhook" } });
    await new Promise((r) => setTimeout(r, 150));
    expect(recorder.requests).toHaveLength(0);
  });
});
