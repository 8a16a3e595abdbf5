import { describe, expect, it } from "vitest";
import { startZaloHarness, type Json } from "../support/zalo-emulator-harness";

const zalo = await startZaloHarness();

async function upload(kind: "image" | "file" | "gif", token: string, bytes: number, name: string, type: string): Promise<Json> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const res = await fetch(`${zalo.emulator.url}/v2.0/oa/upload/${kind}`, { method: "POST", body: form, headers: { access_token: token } });
  return res.json();
}

describe("Zalo emulator uploads, attachments and history", () => {
  it("takes images up to 1 MB and files up to 5 MB (PDF/DOC/DOCX only), and sends them by attachment_id and token", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    expect((await upload("image", token, 1024 * 1024 + 1, "big.jpg", "image/jpeg")).error).toBeLessThan(0);
    expect((await upload("file", token, 5 * 1024 * 1024 + 1, "big.pdf", "application/pdf")).error).toBeLessThan(0);
    expect((await upload("file", token, 100, "virus.exe", "application/octet-stream")).error).toBeLessThan(0);
    const image = await upload("image", token, 1024 * 1024, "ao-dai.jpg", "image/jpeg");
    expect(image).toMatchObject({ error: 0, data: { attachment_id: expect.any(String) } });
    const file = await upload("file", token, 2048, "bao-gia.docx", "application/octet-stream");
    expect(file).toMatchObject({ error: 0, data: { token: expect.any(String) } });

    const userId = zalo.demoOa().users[0]!.userId;
    const sendImage = await zalo.apiPost("/v3.0/oa/message/cs", token, {
      recipient: { user_id: userId },
      message: {
        text: "Mẫu mới ạ",
        attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: image.data.attachment_id }] } },
      },
    });
    expect(sendImage.body.error).toBe(0);
    const sendByUrl = await zalo.apiPost("/v3.0/oa/message/cs", token, {
      recipient: { user_id: userId },
      message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", url: "https://example.com/a.jpg" }] } } },
    });
    expect(sendByUrl.body.error).toBe(0);
    const sendFile = await zalo.apiPost("/v3.0/oa/message/cs", token, {
      recipient: { user_id: userId },
      message: { attachment: { type: "file", payload: { token: file.data.token } }, quote_message_id: sendImage.body.data.message_id },
    });
    expect(sendFile.body.error).toBe(0);
    const badToken = await zalo.apiPost("/v3.0/oa/message/cs", token, {
      recipient: { user_id: userId },
      message: { attachment: { type: "file", payload: { token: "nope" } } },
    });
    expect(badToken.body.error).toBe(-201);

    const outbox = (await zalo.control("GET", `/conversation?oaId=${oaId}&userId=${userId}&from=oa`)).body.messages as Json[];
    expect(outbox.slice(-3)).toMatchObject([
      { type: "image", text: "Mẫu mới ạ", attachments: [{ type: "image", payload: { url: expect.stringContaining("/_emulator/zalo/media/") } }] },
      { type: "image", attachments: [{ type: "image", payload: { url: "https://example.com/a.jpg" } }] },
      { type: "file", quoteMsgId: sendImage.body.data.message_id, attachments: [{ type: "file", payload: { name: "bao-gia.docx", size: "2048" } }] },
    ]);
  });

  it("returns a user's profile with both avatar sizes, follower flag and shared info", async () => {
    const { access_token: token } = await zalo.connect();
    const ha = zalo.demoOa().users.find((u) => u.name === "Nguyễn Thu Hà")!;
    const detail = await zalo.apiGet("/v3.0/oa/user/detail", token, { user_id: ha.userId });
    expect(detail.body).toMatchObject({
      error: 0,
      data: {
        user_id: ha.userId,
        display_name: "Nguyễn Thu Hà",
        avatars: { "120": expect.any(String), "240": expect.any(String) },
        user_is_follower: true,
        shared_info: { phone: "84912345678" },
      },
    });
    expect((await zalo.apiGet("/v3.0/oa/user/detail", token, { user_id: "123" })).body.error).toBe(-201);
  });

  it("pages a seeded 300-conversation OA through listrecentchat, each conversation exactly once", async () => {
    const oaId = zalo.emulator.world.oas[1]!.id;
    await zalo.control("POST", "/history", { oaId, conversations: 300 });
    const { access_token: token } = await zalo.connect(oaId);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 10) {
      const page = await zalo.apiGet("/v2.0/oa/listrecentchat", token, { offset, count: 10 });
      expect(page.body.error).toBe(0);
      if (page.body.data.length === 0) break;
      for (const item of page.body.data as Json[]) seen.push(item.src === 1 ? item.from_id : item.to_id);
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
  });

  it("answers -32 to the next calls when a rate limit is armed, and HTTP 5xx to a send when a server error is", async () => {
    const { access_token: token } = await zalo.connect();
    await zalo.control("POST", "/faults", { kind: "rate_limit", match: { path: "/v2.0/oa/conversation" }, times: 2 });
    const userId = zalo.demoOa().users[0]!.userId;
    const page = () => zalo.apiGet("/v2.0/oa/conversation", token, { user_id: userId, offset: 0, count: 10 });
    expect((await page()).body.error).toBe(-32);
    expect((await page()).body.error).toBe(-32);
    expect((await page()).body.error).toBe(0);

    await zalo.control("POST", "/faults", { kind: "server_error", match: { path: "/message/cs" } });
    const send = () => zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: userId }, message: { text: "Dạ" } });
    expect((await send()).status).toBe(500);
    expect((await send()).body.error).toBe(0);
  });

  it("refuses to send to a user who neither follows nor wrote (-213)", async () => {
    const { oaId, access_token: token } = await zalo.connect();
    const created = await zalo.control("POST", "/users", { oaId, name: "Người Lạ", follow: false });
    const send = await zalo.apiPost("/v3.0/oa/message/cs", token, { recipient: { user_id: created.body.user.userId }, message: { text: "Chào" } });
    expect(send.body.error).toBe(-213);
  });
});
