// The set-up of an integration test file that runs Zalo end to end: the Zalo emulator as the app's
// Zalo, delivering its webhooks to our real ingest on an HTTP server, both for the whole file; and,
// for files that connect the OA themselves, an empty database with the shop's admin before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { db } from "../../lib/db";
import { providerOf } from "../../lib/channels/registry";
import { drainWebhookQueue } from "../../lib/webhooks/process-webhook-queue";
import type { ZaloEmulator } from "../../emulators/zalo/start-zalo-emulator";
import { createAdmin } from "./facebook-connect";
import { resetDatabase } from "./reset-database";
import { startWebhookServer, type WebhookServer } from "./webhook-http-server";
import { demoOaId, grantOa, startZaloAppEmulator, zaloControl } from "./zalo-app-emulator";

/** Set once the file's beforeAll ran. */
export interface ZaloIngest {
  emulator: ZaloEmulator;
  webhookServer: WebhookServer;
}

export function zaloIngestForFile(): ZaloIngest {
  const ingest = {} as ZaloIngest;
  beforeAll(async () => {
    ingest.webhookServer = await startWebhookServer(0, "zalo");
    ingest.emulator = await startZaloAppEmulator({ webhookUrl: ingest.webhookServer.url });
  });
  afterAll(async () => {
    await ingest.emulator.close();
    await ingest.webhookServer.close();
  });
  return ingest;
}

/** Before each test: an empty database, Zalo's seeded world, and the shop's admin (set then). */
export function freshShopEachTest(zalo: ZaloIngest): { admin: SessionUser } {
  const shop = {} as { admin: SessionUser };
  beforeEach(async () => {
    await resetDatabase();
    zalo.emulator.resetWorld();
    shop.admin = await createAdmin("Thời Trang Mai", "admin@mai.vn");
  });
  return shop;
}

/** The demo OA connected by `admin` through the permission page, and a new customer who just wrote `text`. */
export async function conversationWithCustomer(zalo: ZaloIngest, admin: SessionUser, text: string) {
  const provider = providerOf("zalo");
  const { dialogUrl } = await provider.connection.startAuthorization(admin, { rerequest: false });
  await provider.connection.completeAuthorization(admin, await grantOa(zalo.emulator, dialogUrl, demoOaId(zalo.emulator)));
  const { channelId } = await provider.connection.connect(admin, demoOaId(zalo.emulator));
  await zaloControl(zalo.emulator, "messages", { oaId: demoOaId(zalo.emulator), newUserName: "Phạm Lan", text });
  await drainWebhookQueue();
  const conversation = await db().conversation.findFirstOrThrow({ where: { channelId }, include: { contact: true } });
  return { channelId, conversation };
}
