// Zalo's provider keeps the ChannelProvider contract (tests/support/provider-contract.ts), with the
// Zalo emulator as Zalo and our webhook ingest as the place its webhooks arrive.
import { afterAll, beforeAll } from "vitest";
import type { ZaloEmulator } from "@/emulators/zalo/start-zalo-emulator";
import { signZaloWebhookBody } from "@/lib/channels/zalo/webhook-signature";
import { zaloApp } from "@/lib/channels/zalo/zalo-app";
import { startWebhookServer, type WebhookServer } from "../support/webhook-http-server";
import { describeProviderContract } from "../support/provider-contract";
import { demoOaId, grantOa, oaSentTexts, startZaloAppEmulator, zaloControl } from "../support/zalo-app-emulator";

let webhookServer: WebhookServer;
let emulator: ZaloEmulator;

beforeAll(async () => {
  webhookServer = await startWebhookServer(0, "zalo");
  emulator = await startZaloAppEmulator({ webhookUrl: webhookServer.url });
});
afterAll(async () => {
  await emulator.close();
  await webhookServer.close();
});

describeProviderContract({
  platform: "zalo",
  resetWorld: () => emulator.resetWorld(),
  accountId: () => demoOaId(emulator),
  consent: (dialogUrl) => grantOa(emulator, dialogUrl, demoOaId(emulator)),
  async customerWrites(oaId, text) {
    await zaloControl(emulator, "messages", { oaId, newUserName: "Phạm Lan", text });
  },
  sign: (rawBody) => signZaloWebhookBody(zaloApp().appId, zaloApp().oaSecretKey, rawBody),
  sentTexts: (oaId, userId) => oaSentTexts(emulator, oaId, userId),
  // Zalo's webhooks are the app's, set in its developer console: nothing per OA to drop or renew.
  subscription: null,
  async killToken(oaId) {
    await zaloControl(emulator, "tokens/revoke-refresh", { oaId });
    await zaloControl(emulator, "tokens/expire", { oaId });
  },
  async failNextSend() {
    await zaloControl(emulator, "faults", { kind: "server_error", match: { path: "/v3.0/oa/message/cs" } });
  },
});
