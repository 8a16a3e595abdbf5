// Facebook's provider keeps the ChannelProvider contract (tests/support/provider-contract.ts), with
// the Meta emulator as Facebook and our webhook ingest as the place its webhooks arrive.
import { afterAll, beforeAll, expect } from "vitest";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import { runLoginDialog } from "@/emulators/meta/dialog-driver";
import { addFault, emulatorControl, invalidatePageTokens, startAppEmulator } from "../support/app-emulator";
import { facebookWorld } from "../support/facebook-connect";
import { startWebhookServer, type WebhookServer } from "../support/webhook-http-server";
import { describeProviderContract } from "../support/provider-contract";

let webhookServer: WebhookServer;
let emulator: MetaEmulator;

beforeAll(async () => {
  webhookServer = await startWebhookServer();
  emulator = await startAppEmulator({ webhookUrl: webhookServer.url });
});
afterAll(async () => {
  await emulator.close();
  await webhookServer.close();
});

describeProviderContract({
  platform: "facebook",
  resetWorld: () => emulator.resetWorld(),
  accountId: () => facebookWorld(emulator).hoaMai.id,
  async consent(dialogUrl) {
    const url = new URL(dialogUrl);
    const redirect = await runLoginDialog({
      emulatorUrl: emulator.url,
      graphVersion: url.pathname.split("/")[1],
      appId: url.searchParams.get("client_id") ?? "",
      redirectUri: url.searchParams.get("redirect_uri") ?? "",
      scope: (url.searchParams.get("scope") ?? "").split(","),
      state: url.searchParams.get("state") ?? undefined,
      userId: facebookWorld(emulator).an.id,
    });
    return { code: redirect.searchParams.get("code"), state: redirect.searchParams.get("state"), error: redirect.searchParams.get("error") };
  },
  async customerWrites(pageId, text) {
    await emulatorControl(emulator, "messages", { pageId, customer: { firstName: "Lan", lastName: "Phạm" }, text });
  },
  sign: (rawBody) => signWebhookBody(facebookApp().appSecret, rawBody),
  sentTexts: (pageId, psid) =>
    emulator.world.threadOf(pageId, psid)?.messages.filter((message) => message.direction === "out").map((message) => message.text ?? "") ?? [],
  // Both what the page's thread shows and what the Send API call carried.
  sentQuotes: (pageId, psid) => {
    const outgoing = emulator.world.threadOf(pageId, psid)?.messages.filter((message) => message.direction === "out") ?? [];
    const sends = emulator.world.sends.filter((send) => send.pageId === pageId && send.psid === psid && send.mid !== undefined);
    expect(sends.map((send) => send.replyToMid ?? null)).toEqual(outgoing.map((message) => message.replyToMid ?? null));
    return outgoing.map((message) => message.replyToMid ?? null);
  },
  subscription: {
    subscribed: (pageId) => (emulator.world.subscriptions.get(pageId)?.fields.length ?? 0) > 0,
    drop: async (pageId) => {
      await emulatorControl(emulator, "subscriptions/drop", { pageId });
    },
  },
  killToken: async (pageId) => {
    await invalidatePageTokens(emulator, pageId, "expired");
  },
  failNextSend: async () => {
    await addFault(emulator, { kind: "server_error", match: { path: "/messages" } });
  },
});
