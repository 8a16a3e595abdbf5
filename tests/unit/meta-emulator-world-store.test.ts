// Issue 9, item 15 (the emulator's side): a world kept in a store carries on after a restart — tokens,
// subscriptions, threads and the id counters — and is saved shortly after a change, not only on close.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startMetaEmulator } from "../../emulators/meta/start-meta-emulator";
import type { WorldStore } from "../../emulators/meta/world-store";
import { APP_ID, APP_SECRET, MESSAGING_FIELDS } from "../support/meta-emulator-harness";

/** The store a host would give, in memory, counting its writes. */
function memoryStore() {
  const kept = { snapshot: undefined as unknown, saves: 0 };
  const store: WorldStore = {
    load: async () => kept.snapshot && structuredClone(kept.snapshot),
    save: async (snapshot) => {
      kept.snapshot = JSON.parse(JSON.stringify(snapshot));
      kept.saves++;
    },
  };
  return { kept, store };
}

/** An app that answers every webhook with a 500, slowly: the failure comes well after the request that caused it. */
async function slowFailingApp(delayMs: number): Promise<Server> {
  const app = createServer((_request, response) => setTimeout(() => response.writeHead(500).end(), delayMs));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  return app;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
    async (response) => ({ status: response.status, body: await response.json() }),
  );

describe("item 15: the emulator's world in a store", () => {
  it("a restarted emulator knows the tokens, subscriptions and customers of the last run, and new ids do not repeat old ones", async () => {
    const { kept, store } = memoryStore();
    const first = await startMetaEmulator({ appId: APP_ID, appSecret: APP_SECRET, store });
    const [user, page] = [first.world.users[0]!, first.world.pages[0]!];
    const { pageToken } = (await post(`${first.url}/_emulator/tokens`, { userId: user.id, pageId: page.id })).body;
    const subscribed = await post(`${first.url}/v27.0/${page.id}/subscribed_apps?subscribed_fields=${MESSAGING_FIELDS}&access_token=${pageToken}`, {});
    expect(subscribed.body).toEqual({ success: true });
    const thu = (await post(`${first.url}/_emulator/customers`, { pageId: page.id, firstName: "Thu", lastName: "Phạm" })).body;
    await first.close();

    const second = await startMetaEmulator({ appId: APP_ID, appSecret: APP_SECRET, store });
    try {
      const subscriptions = await fetch(`${second.url}/v27.0/${page.id}/subscribed_apps?access_token=${pageToken}`).then((r) => r.json());
      expect(subscriptions.data).toHaveLength(1);
      expect(second.world.customer(thu.psid)?.name).toBe("Phạm Thu");
      const lan = (await post(`${second.url}/_emulator/customers`, { pageId: page.id, firstName: "Lan", lastName: "Võ" })).body;
      expect(lan.psid).not.toBe(thu.psid);
      expect(new Set(second.world.customers.map((customer) => customer.psid)).size).toBe(second.world.customers.length);

      // Saved soon after a change, without waiting for a clean stop (a crash would lose nothing older).
      const saves = kept.saves;
      await expect.poll(() => kept.saves, { timeout: 3_000 }).toBeGreaterThan(saves);
      expect(JSON.stringify(kept.snapshot)).toContain(lan.psid);
    } finally {
      await second.close();
    }
  });

  it("a subscription Facebook drops after failed webhooks is saved without waiting for another request", async () => {
    const { kept, store } = memoryStore();
    const app = await slowFailingApp(1_500);
    const emulator = await startMetaEmulator({
      appId: APP_ID,
      appSecret: APP_SECRET,
      store,
      webhookUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhook`,
      webhookRetryDelaysMs: [],
    });
    try {
      const [user, page] = [emulator.world.users[0]!, emulator.world.pages[0]!];
      const { pageToken } = (await post(`${emulator.url}/_emulator/tokens`, { userId: user.id, pageId: page.id })).body;
      await post(`${emulator.url}/v27.0/${page.id}/subscribed_apps?subscribed_fields=${MESSAGING_FIELDS}&access_token=${pageToken}`, {});
      const psid = emulator.world.customers.find((customer) => customer.pageId === page.id)!.psid;
      await post(`${emulator.url}/_emulator/messages?wait=false`, { pageId: page.id, psid, text: "Alo?" });

      const savedSubscriptions = () => (kept.snapshot as { subscriptions: [string, unknown][] }).subscriptions;
      await expect.poll(() => emulator.world.subscriptions.has(page.id), { timeout: 5_000 }).toBe(false);
      await expect.poll(() => savedSubscriptions().some(([pageId]) => pageId === page.id), { timeout: 3_000 }).toBe(false);
    } finally {
      await emulator.close();
      app.closeAllConnections();
      app.close();
    }
  });
});
