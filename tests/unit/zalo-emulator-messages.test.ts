import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jsonOf } from "../../emulators/meta/webhook-recorder";
import { startZaloHarness, ZALO_APP_ID, ZALO_OA_SECRET, type Json } from "../support/zalo-emulator-harness";

const zalo = await startZaloHarness();

/** The formula as the public sources state it, written out here rather than imported. */
function expectedMac(rawBody: string, timestamp: string): string {
  return createHash("sha256").update(ZALO_APP_ID + rawBody + timestamp + ZALO_OA_SECRET).digest("hex");
}

async function newCustomer(oaId: string, name = "Lý Thu Trang"): Promise<string> {
  const res = await zalo.control("POST", "/users", { oaId, name, follow: true });
  return res.body.user.userId as string;
}

const text = (message: string) => ({ text: message });

describe("Zalo emulator messages and webhooks", () => {
  it("signs user_send_text with mac=sha256(app_id + body + timestamp + OA secret) and shapes it as Zalo does", async () => {
    const { oaId } = zalo.demoOa();
    const userId = await newCustomer(oaId);
    const wrote = await zalo.control("POST", "/messages", { oaId, userId, text: "Chào shop, còn áo dài không?" });
    const request = await zalo.recorder.waitFor((r) => (jsonOf(r) as Json).event_name === "user_send_text");
    const raw = request.rawBody.toString("utf8");
    const body = jsonOf(request) as Json;
    expect(request.headers["x-zevent-signature"]).toBe(`mac=${expectedMac(raw, body.timestamp)}`);
    expect(body).toEqual({
      app_id: ZALO_APP_ID,
      user_id_by_app: expect.stringMatching(/^\d{19}$/),
      event_name: "user_send_text",
      timestamp: expect.stringMatching(/^\d{13}$/),
      sender: { id: userId },
      recipient: { id: oaId },
      message: { msg_id: wrote.body.message.msgId, text: "Chào shop, còn áo dài không?" },
    });
  });

  it("sends a text, echoes it as oa_send_text and lists it as sent by the OA", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const userId = await newCustomer(oaId);
    await zalo.control("POST", "/messages", { oaId, userId, ...text("Cho mình hỏi giá") });
    const sent = await zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: text("Dạ 350.000đ ạ") });
    expect(sent.body).toEqual({ error: 0, message: "Success", data: { message_id: expect.any(String), user_id: userId } });
    const echo = jsonOf(await zalo.recorder.waitFor((r) => (jsonOf(r) as Json).event_name === "oa_send_text")) as Json;
    expect(echo).toMatchObject({ sender: { id: oaId }, recipient: { id: userId }, message: { msg_id: sent.body.data.message_id, text: "Dạ 350.000đ ạ" } });
    const outbox = await zalo.control("GET", `/conversation?oaId=${oaId}&userId=${userId}&from=oa`);
    expect(outbox.body.messages).toMatchObject([{ text: "Dạ 350.000đ ạ", via: "api", quotaPaid: false }]);
  });

  it("accepts the SDKs' variants: null for absent fields, react_message_id for a quote, a sticker by id", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const userId = await newCustomer(oaId);
    const wrote = await zalo.control("POST", "/messages", { oaId, userId, ...text("Shop ơi") });
    const quoted = wrote.body.message.msgId;
    const send = (message: unknown) => zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message });
    expect((await send({ text: "Dạ", quote_message_id: null })).body.error).toBe(0);
    expect((await send({ text: "Dạ shop đây", react_message_id: quoted })).body.error).toBe(0);
    const sticker = { type: "template", payload: { template_type: "media", elements: [{ media_type: "sticker", attachment_id: "bfe458bf64fa8da4d4eb", width: null, height: null }] } };
    expect((await send({ text: null, attachment: sticker })).body.error).toBe(0);
    expect((await send({ text: null })).body.error).toBe(-201);
    const outbox = (await zalo.control("GET", `/conversation?oaId=${oaId}&userId=${userId}&from=oa`)).body.messages as Json[];
    expect(outbox).toMatchObject([
      { text: "Dạ", quoteMsgId: null },
      { text: "Dạ shop đây", quoteMsgId: quoted },
      { type: "sticker", text: null, attachments: [{ type: "sticker", payload: { id: "bfe458bf64fa8da4d4eb" } }] },
    ]);
  });

  it("delivers the echo before the HTTP answer when asked to", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const userId = await newCustomer(oaId);
    await zalo.control("POST", "/messages", { oaId, userId, ...text("Alo") });
    const echoIds = () =>
      zalo.recorder.requests.map((r) => jsonOf(r) as Json).filter((b) => b.event_name === "oa_send_text").map((b) => b.message.msg_id);
    await zalo.control("POST", "/faults", { kind: "echo_before_answer" });
    const sent = await zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: text("Dạ") });
    expect(echoIds()).toEqual([sent.body.data.message_id]);

    await zalo.control("POST", "/config", { echoBeforeAnswer: true });
    try {
      const again = await zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: text("Dạ ạ") });
      expect(echoIds()).toEqual([sent.body.data.message_id, again.body.data.message_id]);
    } finally {
      await zalo.control("POST", "/config", { echoBeforeAnswer: false });
    }
  });

  it("gives 8 free replies within 48 h, then spends paid quota, then answers -211 when it is gone", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const userId = await newCustomer(oaId);
    await zalo.control("POST", "/messages", { oaId, userId, ...text("Shop ơi") });
    await zalo.control("POST", `/oas/${oaId}`, { paidQuota: 1 });
    const send = (t: string) => zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: text(t) });
    for (let i = 1; i <= 8; i++) expect((await send(`free ${i}`)).body.error).toBe(0);
    expect((await send("paid")).body.error).toBe(0);
    expect((await send("none left")).body).toMatchObject({ error: -211 });
    const outbox = (await zalo.control("GET", `/conversation?oaId=${oaId}&userId=${userId}&from=oa`)).body.messages as Json[];
    expect(outbox.map((m) => m.quotaPaid)).toEqual([...Array(8).fill(false), true]);

    await zalo.control("POST", "/messages", { oaId, userId, ...text("Mình hỏi thêm") });
    expect((await send("free again")).body.error).toBe(0);
  });

  it("charges quota after 48 h and refuses with -230 after 7 days without interaction", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const userId = await newCustomer(oaId);
    await zalo.control("POST", "/messages", { oaId, userId, ...text("Shop ơi") });
    expect((await zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: text("Dạ") })).body.error).toBe(0);
    await zalo.control("POST", "/clock/advance", { hours: 49 });
    // The first token is past its 25 h by now.
    const { access_token: fresh } = await zalo.connect();
    const late = await zalo.apiPost("/v3.0/oa/message/cs", fresh, { recipient: { user_id: userId }, message: text("Dạ") });
    expect(late.body.error).toBe(0);
    const outbox = (await zalo.control("GET", `/conversation?oaId=${oaId}&userId=${userId}&from=oa`)).body.messages as Json[];
    expect(outbox.at(-1).quotaPaid).toBe(true);
    await zalo.control("POST", "/clock/advance", { hours: 24 * 6 });
    const { access_token: later } = await zalo.connect();
    expect((await zalo.apiPost("/v3.0/oa/message/cs", later, { recipient: { user_id: userId }, message: text("Dạ") })).body.error).toBe(-230);
  });

  it("refuses history pages larger than 10 and pages newest first", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    expect((await zalo.apiGet("/v2.0/oa/listrecentchat", token, { offset: 0, count: 11 })).body.error).toBe(-201);
    const userId = zalo.demoOa().users[0]!.userId;
    const page = await zalo.apiGet("/v2.0/oa/conversation", token, { user_id: userId, offset: 0, count: 10 });
    const times = (page.body.data as Json[]).map((m) => m.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.body.data[0]).toMatchObject({ src: 1, type: "text", from_id: userId, to_id: oaId, message: "Màu xanh nha shop" });
    const recent = await zalo.apiGet("/v2.0/oa/listrecentchat", token, { offset: 0, count: 10 });
    expect(recent.body.data).toHaveLength(5);
  });
});
