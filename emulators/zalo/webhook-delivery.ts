// Sends signed webhooks to the app like Zalo: one at a time per OA, retried with backoff, recorded.
import type { Scheduler } from "../shared/scheduler";
import {
  OrderedQueues,
  sendWithRetries,
  skippedForNoUrl,
  type Sending as SendingOf,
  type SignatureMode,
} from "../shared/webhook-delivery";
import type { ZaloEvent } from "./webhook-events";
import { zaloSignatureHeader } from "./webhook-signature";
import type { ZaloWorld } from "./world";
import type { WebhookDelivery } from "./world-types";

export type Sending = SendingOf<WebhookDelivery>;

export class ZaloWebhookSender {
  /** Keyed by OA. */
  private readonly queues = new OrderedQueues();

  constructor(
    private readonly world: ZaloWorld,
    private readonly scheduler: Scheduler,
  ) {}

  deliver(event: ZaloEvent, signature: SignatureMode = "valid"): Sending {
    const url = this.world.config.webhookUrl;
    const delivery = this.world.newDelivery({
      oaId: event.oaId,
      eventName: event.eventName,
      body: event.body,
      url: url ?? "",
    });
    if (!url) return skippedForNoUrl(delivery);
    const raw = JSON.stringify(event.body);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature !== "missing") {
      const { appId, oaSecretKey, signatureStyle } = this.world.config;
      const key = signature === "valid" ? oaSecretKey : `${oaSecretKey}-wrong`;
      headers["x-zevent-signature"] = zaloSignatureHeader(
        appId,
        raw,
        event.body.timestamp,
        key,
        signatureStyle,
      );
    }
    // Zalo gives the app 2 s (webhookTimeoutMs) to answer with HTTP 200.
    const run = this.queues.enqueue(event.oaId, () =>
      sendWithRetries(this.world, this.scheduler, delivery, { body: raw, headers }),
    );
    return { delivery, done: run.then(() => delivery) };
  }
}
