// The emulator as a whole: seed data, control API basics, the customer page, and Graph's error format.
import { describe, expect, it } from "vitest";
import { startEmulatorHarness, type Json } from "../support/meta-emulator-harness";

const { emulator, call } = await startEmulatorHarness({ historyThreads: 12 });

describe("meta emulator", () => {
  it("seeds admins, non-admin roles and Vietnamese pages deterministically", async () => {
    const world = (await call("GET", "/_emulator/world")).body;
    expect(world.users.map((u: Json) => u.name)).toEqual(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu"]);
    for (const user of world.users) {
      expect(user.roles.some((r: Json) => r.tasks.includes("MANAGE"))).toBe(true);
      expect(user.roles.some((r: Json) => !r.tasks.includes("MANAGE"))).toBe(true);
    }
    expect(world.pages.map((p: Json) => p.name)).toContain("Shop Thời Trang Hoa Mai");
    expect(world.threads.filter((t: Json) => t.pageId === world.pages[4].id)).toHaveLength(12);
    expect(JSON.stringify(world)).not.toMatch(/EAA|"appSecret"/);

    const before = emulator.world.threads.map((t) => [
      t.id,
      t.psid,
      t.messages.length,
      t.messages.map((m) => m.mid),
    ]);
    emulator.resetWorld();
    expect(
      emulator.world.threads.map((t) => [t.id, t.psid, t.messages.length, t.messages.map((m) => m.mid)]),
    ).toEqual(before);
  });

  it("resets through the control API", async () => {
    await call("POST", "/_emulator/customers", {
      pageId: emulator.world.pages[0]!.id,
      firstName: "Hà",
      lastName: "Phạm",
    });
    const count = emulator.world.customers.length;
    expect((await call("POST", "/_emulator/reset")).body).toEqual({ ok: true });
    expect(emulator.world.customers.length).toBe(count - 1);
  });

  it("answers invalid control bodies with a 400 naming the field", async () => {
    const bad = await call("POST", "/_emulator/messages", { pageId: emulator.world.pages[0]!.id, psid: "1" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("text, attachments or sticker is required");
    const unknownCustomer = await call("POST", "/_emulator/messages", {
      pageId: emulator.world.pages[0]!.id,
      psid: "1",
      text: "hi",
    });
    expect(unknownCustomer.status).toBe(404);
    expect((await call("POST", "/_emulator/config", { webhookUrl: "not a url" })).status).toBe(400);
    expect((await call("GET", "/_emulator/nope")).status).toBe(404);
  });

  it("updates the app config at run time", async () => {
    const config = await call("POST", "/_emulator/config", {
      webhookUrl: "http://127.0.0.1:9/hook",
      echoBeforeResponse: true,
    });
    expect(config.body).toMatchObject({ webhookUrl: "http://127.0.0.1:9/hook", echoBeforeResponse: true });
    expect(config.body.appSecret).toBeUndefined();
    expect((await call("POST", "/_emulator/config", { webhookUrl: null })).body.webhookUrl).toBeUndefined();
  });

  it("serves the customer page with its Vietnamese controls", async () => {
    const res = await fetch(`${emulator.url}/_emulator`);
    const html = await res.text();
    expect(res.headers.get("content-type")).toContain("text/html");
    for (const label of [
      "Trang",
      "Khách hàng",
      "Nhập tin nhắn",
      "Gửi ảnh",
      "Gửi like",
      "Thả tim tin nhắn cuối",
      "Đánh dấu đã xem",
    ]) {
      expect(html).toContain(label);
    }
  });

  it("answers unknown Graph paths and objects in Facebook's error format", async () => {
    const unknown = await call("GET", "/v27.0/123/bogus_edge?access_token=x");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({
      message: expect.any(String),
      type: "OAuthException",
      code: 2500,
      fbtrace_id: expect.any(String),
    });
    const { pageToken } = (
      await call("POST", "/_emulator/tokens", {
        userId: emulator.world.users[0]!.id,
        pageId: emulator.world.pages[0]!.id,
      })
    ).body;
    const missing = await call("GET", `/v27.0/999999?access_token=${pageToken}`);
    expect(missing.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
  });
});
