// Issue 9, item 15: the demo survives a restart. The demo's Meta emulator keeps its world in the
// app's database, so after a restart it still knows the tokens and subscriptions of the pages the
// app shows as connected; a fresh database gets a fresh world.
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { graphRequest } from "@/lib/channels/facebook/graph-client";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { withChannelToken } from "@/lib/channels/with-channel-token";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import { emulatorWorldStore } from "@/lib/demo/emulator-world-store";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { startMetaEmulator, type MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { emulatorControl } from "../support/app-emulator";
import { startWebhookServer } from "../support/webhook-http-server";
import { createAdmin, facebookWorld, signInWithFacebook } from "../support/facebook-connect";

/** A port nobody listens on, so every emulator of this file can take the one the app was told about. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// The store reads the database, so the app's Facebook URLs are settled before the first emulator loads
// its world (the app reads them once).
const port = await freePort();
process.env.META_GRAPH_URL = process.env.META_DIALOG_URL = `http://127.0.0.1:${port}`;
// The app's webhook endpoint receives what the emulator sends; processing is drainWebhookQueue().
const receiver = await startWebhookServer();
const startEmulator = () =>
  startMetaEmulator({
    appId: facebookApp().appId,
    appSecret: facebookApp().appSecret,
    port,
    webhookUrl: receiver.url,
    webhookRetryDelaysMs: [],
    store: emulatorWorldStore(),
  });
let emulator: MetaEmulator = await startEmulator();

/** Stops the emulator (as Ctrl-C does), lets `meanwhile` happen while it is down, and starts another. */
async function restartEmulator(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  await emulator.close();
  await meanwhile();
  emulator = await startEmulator();
}

beforeEach(async () => {
  await resetDatabase();
  emulator.resetWorld();
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

describe("item 15: the demo's Meta emulator world survives a restart", () => {
  it("after a restart from the same database, a customer's message still reaches the inbox and the page token still works", async () => {
    const fb = facebookWorld(emulator);
    const admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
    await signInWithFacebook(emulator, admin, fb.an.id);
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    const customer = await emulatorControl<{ psid: string }>(emulator, "customers", { pageId: fb.hoaMai.id, firstName: "Thu", lastName: "Phạm" });

    await restartEmulator();

    await emulatorControl(emulator, "messages", { pageId: fb.hoaMai.id, psid: customer.psid, text: "Shop còn áo dài size M không ạ?" });
    await drainWebhookQueue();
    const message = await db().message.findFirst({
      where: { direction: "inbound", text: "Shop còn áo dài size M không ạ?" },
      select: { conversation: { select: { channelId: true, contact: { select: { name: true } } } } },
    });
    expect(message?.conversation).toEqual({ channelId, contact: { name: "Phạm Thu" } });

    const channel = await db().channel.findUniqueOrThrow({ where: { id: channelId } });
    const subscribed = await withChannelToken(channel, (token) =>
      graphRequest({ path: `${channel.externalId}/subscribed_apps`, accessToken: token, schema: z.object({ data: z.array(z.unknown()) }) }),
    );
    expect(subscribed.data).toHaveLength(1);
    expect((await db().channel.findUniqueOrThrow({ where: { id: channelId } })).status).toBe("connected");
  });

  it("a fresh database gets the seeded world, not the last one", async () => {
    const fb = facebookWorld(emulator);
    await emulatorControl(emulator, "tokens", { userId: fb.an.id, pageId: fb.hoaMai.id });
    await emulatorControl(emulator, "customers", { pageId: fb.hoaMai.id, firstName: "Thu", lastName: "Phạm" });
    await restartEmulator();
    expect(emulator.world.customers.some((customer) => customer.name === "Phạm Thu")).toBe(true);

    await restartEmulator(resetDatabase);
    expect(emulator.world.customers.some((customer) => customer.name === "Phạm Thu")).toBe(false);
    expect(emulator.world.tokens.size).toBe(0);
  });
});
