import { describe, expect, it } from "vitest";
import { jsonOf, type RecordedRequest } from "../../emulators/meta/webhook-recorder";
import { startZaloHarness, ZALO_APP_ID, type Json } from "../support/zalo-emulator-harness";

const zalo = await startZaloHarness();

const bodies = (name: string): Json[] =>
  zalo.recorder.requests.map((r) => jsonOf(r) as Json).filter((b) => b.event_name === name);

async function conversationWithOaMessages(): Promise<{ oaId: string; userId: string; msgIds: string[] }> {
  const { oaId } = zalo.demoOa();
  const created = await zalo.control("POST", "/users", { oaId, name: "Cao Bảo Ngọc" });
  const userId = created.body.user.userId as string;
  await zalo.control("POST", "/messages", { oaId, userId, text: "Shop ơi" });
  const msgIds: string[] = [];
  for (const text of ["Dạ", "Shop nghe ạ"]) msgIds.push((await zalo.control("POST", "/oa-chat", { oaId, userId, text })).body.message.msgId);
  return { oaId, userId, msgIds };
}

describe("Zalo emulator webhooks", () => {
  it("sends follow and unfollow with oa_id and follower", async () => {
    const { oaId } = zalo.demoOa();
    const created = await zalo.control("POST", "/users", { oaId, name: "Đỗ Minh Thư" });
    const userId = created.body.user.userId;
    await zalo.control("POST", "/follows", { oaId, userId, following: false });
    expect(bodies("follow")).toEqual([
      { app_id: ZALO_APP_ID, oa_id: oaId, user_id_by_app: expect.any(String), event_name: "follow", timestamp: expect.any(String), source: "oa_profile", follower: { id: userId } },
    ]);
    expect(bodies("unfollow")).toMatchObject([{ oa_id: oaId, follower: { id: userId } }]);
  });

  it("echoes OA Chat replies as oa_send_text from the OA to the user", async () => {
    const { oaId, userId, msgIds } = await conversationWithOaMessages();
    expect(bodies("oa_send_text")).toMatchObject([
      { sender: { id: oaId }, recipient: { id: userId }, message: { msg_id: msgIds[0], text: "Dạ" } },
      { message: { msg_id: msgIds[1], text: "Shop nghe ạ" } },
    ]);
  });

  it("sends one user_received_message per message and one user_seen_message with all msg_ids", async () => {
    const { oaId, userId, msgIds } = await conversationWithOaMessages();
    await zalo.control("POST", "/receipts/received", { oaId, userId });
    await zalo.control("POST", "/receipts/seen", { oaId, userId });
    expect(bodies("user_received_message").map((b) => b.message)).toEqual(msgIds.map((id) => ({ msg_id: id })));
    expect(bodies("user_seen_message")).toMatchObject([{ sender: { id: oaId }, recipient: { id: userId }, message: { msg_ids: msgIds } }]);
  });

  it("shapes attachments: image, sticker, file, link and location", async () => {
    const { oaId, users } = zalo.demoOa();
    const userId = users[0]!.userId;
    for (const attachment of [
      { type: "image" },
      { type: "sticker", stickerId: "123" },
      { type: "file", name: "don.pdf", size: 10 },
      { type: "link", url: "https://shop.vn/sp/1", title: "Váy hoa" },
      { type: "location", latitude: 21.0285, longitude: 105.8542 },
    ])
      await zalo.control("POST", "/messages", { oaId, userId, attachment });
    expect(bodies("user_send_image")[0].message.attachments).toEqual([{ type: "image", payload: { url: expect.any(String), thumbnail: expect.any(String) } }]);
    expect(bodies("user_send_sticker")[0].message.attachments).toEqual([{ type: "sticker", payload: { id: "123", url: expect.any(String) } }]);
    expect(bodies("user_send_file")[0].message.attachments).toEqual([{ type: "file", payload: { url: expect.any(String), name: "don.pdf", size: "10", type: "pdf" } }]);
    expect(bodies("user_send_link")[0].message.attachments).toMatchObject([{ type: "link", payload: { url: "https://shop.vn/sp/1", title: "Váy hoa" } }]);
    expect(bodies("user_send_location")[0].message.attachments).toEqual([
      { type: "location", payload: { coordinates: { latitude: "21.0285", longitude: "105.8542" } } },
    ]);
  });

  it("retries a failed delivery until the app answers 200", async () => {
    let calls = 0;
    zalo.recorder.respondWith(() => ({ status: ++calls < 3 ? 500 : 200 }));
    const { oaId, users } = zalo.demoOa();
    const wrote = await zalo.control("POST", "/messages", { oaId, userId: users[0]!.userId, text: "Alo" });
    expect(wrote.body.delivery.state).toBe("delivered");
    expect(wrote.body.delivery.attempts.map((a: Json) => a.status)).toEqual([500, 500, 200]);
    const raws = zalo.recorder.requests.map((r: RecordedRequest) => r.rawBody.toString("utf8"));
    expect(new Set(raws).size).toBe(1);
  });

  it("counts an answer slower than the timeout as a failure, and gives up after the last retry", async () => {
    await zalo.control("POST", "/config", { webhookTimeoutMs: 50 });
    try {
      zalo.recorder.respondWith(() => ({ status: 200, delayMs: 200 }));
      const { oaId, users } = zalo.demoOa();
      const wrote = await zalo.control("POST", "/messages", { oaId, userId: users[0]!.userId, text: "Alo" });
      expect(wrote.body.delivery.state).toBe("failed");
      expect(wrote.body.delivery.attempts).toHaveLength(3);
      expect(wrote.body.delivery.attempts[0].error).toBe("timeout after 50 ms");
    } finally {
      await zalo.control("POST", "/config", { webhookTimeoutMs: 2000 });
    }
  });

  it("sends raw bodies with a valid, invalid or missing signature, as many times as asked", async () => {
    const { oaId } = zalo.demoOa();
    const body = { event_name: "user_send_text", app_id: ZALO_APP_ID, timestamp: "1700000000000", message: { msg_id: "x", text: "cũ" } };
    await zalo.control("POST", "/webhooks/raw", { oaId, body, times: 2 });
    await zalo.control("POST", "/webhooks/raw", { oaId, body, signature: "invalid" });
    await zalo.control("POST", "/webhooks/raw", { oaId, body, signature: "missing" });
    const signatures = zalo.recorder.requests.map((r) => r.headers["x-zevent-signature"]);
    expect(signatures[0]).toBe(signatures[1]);
    expect(signatures[2]).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(signatures[2]).not.toBe(signatures[0]);
    expect(signatures[3]).toBeUndefined();
  });

  it("can sign with a bare hex header, the other variant integrations report", async () => {
    await zalo.control("POST", "/config", { signatureStyle: "bare" });
    try {
      const { oaId, users } = zalo.demoOa();
      await zalo.control("POST", "/messages", { oaId, userId: users[0]!.userId, text: "Alo" });
      expect(zalo.recorder.requests[0]!.headers["x-zevent-signature"]).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await zalo.control("POST", "/config", { signatureStyle: "mac" });
    }
  });

  it("answers a bad control body with a 400 naming the field, and serves the customer page", async () => {
    const bad = await zalo.control("POST", "/messages", { oaId: zalo.demoOa().oaId, userId: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ path: "userId", message: expect.any(String) }]);
    const page = await (await fetch(`${zalo.emulator.url}/_emulator`)).text();
    expect(page).toContain("Người dùng Zalo");
    expect(page).toContain("Gửi từ OA Chat");
  });

  it("refuses control writes from another site's page", async () => {
    const res = await fetch(`${zalo.emulator.url}/_emulator/reset`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});
