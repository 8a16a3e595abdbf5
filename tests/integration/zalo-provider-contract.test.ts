// Zalo's provider keeps the ChannelProvider contract (tests/support/provider-contract.ts), with the
// Zalo emulator as Zalo and our webhook ingest as the place its webhooks arrive.
import { signZaloWebhookBody } from "@/lib/channels/zalo/webhook-signature";
import { zaloApp } from "@/lib/channels/zalo/zalo-app";
import { describeProviderContract } from "../support/provider-contract";
import { demoOaId, grantOa, oaSentTexts, zaloControl } from "../support/zalo-app-emulator";
import { zaloIngestForFile } from "../support/zalo-ingest";

const zalo = zaloIngestForFile();

describeProviderContract({
  platform: "zalo",
  resetWorld: () => zalo.emulator.resetWorld(),
  accountId: () => demoOaId(zalo.emulator),
  consent: (dialogUrl) => grantOa(zalo.emulator, dialogUrl, demoOaId(zalo.emulator)),
  async customerWrites(oaId, text) {
    await zaloControl(zalo.emulator, "messages", { oaId, newUserName: "Phạm Lan", text });
  },
  sign: (rawBody) => signZaloWebhookBody(zaloApp().appId, zaloApp().oaSecretKey, rawBody),
  sentTexts: (oaId, userId) => oaSentTexts(zalo.emulator, oaId, userId),
  sentQuotes: (oaId, userId) =>
    zalo.emulator.world
      .conversation(oaId, userId)
      .filter((message) => message.src === 0)
      .map((message) => message.quoteMsgId ?? null),
  // Zalo's webhooks are the app's, set in its developer console: nothing per OA to drop or renew.
  subscription: null,
  async killToken(oaId) {
    await zaloControl(zalo.emulator, "tokens/revoke-refresh", { oaId });
    await zaloControl(zalo.emulator, "tokens/expire", { oaId });
  },
  async failNextSend() {
    await zaloControl(zalo.emulator, "faults", { kind: "server_error", match: { path: "/v3.0/oa/message/cs" } });
  },
});
