import { describe, expect, it } from "vitest";
import { startZaloEmulator, type ZaloWorldStore } from "../../emulators/zalo/start-zalo-emulator";
import { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET } from "../support/zalo-emulator-harness";

function memoryStore(initial?: unknown): ZaloWorldStore & { saved: unknown } {
  const store = {
    saved: initial,
    load: async () => store.saved,
    save: async (snapshot: unknown) => {
      store.saved = JSON.parse(JSON.stringify(snapshot));
    },
  };
  return store;
}

const start = (store: ZaloWorldStore) =>
  startZaloEmulator({ appId: ZALO_APP_ID, appSecret: ZALO_APP_SECRET, oaSecretKey: ZALO_OA_SECRET, store });

describe("Zalo emulator world store", () => {
  it("restores users, messages, tokens and the clock after a restart", async () => {
    const store = memoryStore();
    const first = await start(store);
    const oaId = first.world.oas[0]!.id;
    const control = (url: string, path: string, body: unknown) =>
      fetch(`${url}/_emulator${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }).then((r) => r.json());
    const created = await control(first.url, "/users", { oaId, name: "Hồ Gia Bảo", follow: false });
    await control(first.url, "/messages", { oaId, userId: created.user.userId, text: "Còn hàng không shop?" });
    const tokens = await control(first.url, "/tokens", { oaId });
    await control(first.url, "/clock/advance", { hours: 2 });
    await first.close();

    const second = await start(store);
    try {
      expect(second.world.clockOffsetMs).toBe(2 * 3_600_000);
      const conversation = await fetch(`${second.url}/_emulator/conversation?oaId=${oaId}&userId=${created.user.userId}`).then((r) => r.json());
      expect(conversation.messages).toMatchObject([{ text: "Còn hàng không shop?", from: "user" }]);
      const oa = await fetch(`${second.url}/v2.0/oa/getoa`, { headers: { access_token: tokens.access_token } }).then((r) => r.json());
      expect(oa).toMatchObject({ error: 0, data: { oa_id: oaId } });
    } finally {
      await second.close();
    }
  });

  it("starts from the seed when the stored snapshot is not one it wrote", async () => {
    const emulator = await start(memoryStore({ version: 1, people: "broken" }));
    try {
      expect(emulator.world.oas.map((oa) => oa.name)).toContain("Shop Thời Trang Mai");
    } finally {
      await emulator.close();
    }
  });
});
