// Sends signed webhooks to the app like Zalo: one at a time per OA, retried with backoff, recorded.
import type { Scheduler } from "../shared/scheduler";
import { postWebhookOnce } from "../shared/webhook-post";
import type { ZaloEvent } from "./webhook-events";
import { zaloSignatureHeader } from "./webhook-signature";
import type { ZaloWorld } from "./world";
import type { WebhookDelivery } from "./world-types";

export type SignatureMode = "valid" | "invalid" | "missing";

/** A delivery as recorded at once, and the promise of its outcome (after any retries). */
export interface Sending {
  delivery: WebhookDelivery;
  done: Promise<WebhookDelivery>;
}

export class ZaloWebhookSender {
  /** Per-OA chains: one OA's events reach the app in the order they happened. */
  private readonly queues = new Map<string, Promise<void>>();

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
    if (!url) {
      delivery.state = "skipped";
      delivery.note = "no webhookUrl configured";
      return { delivery, done: Promise.resolve(delivery) };
    }
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
    const previous = this.queues.get(event.oaId) ?? Promise.resolve();
    const run = previous.then(() => this.sendWithRetries(delivery, raw, headers));
    this.queues.set(event.oaId, run);
    return { delivery, done: run.then(() => delivery) };
  }

  private async sendWithRetries(
    delivery: WebhookDelivery,
    raw: string,
    headers: Record<string, string>,
  ): Promise<void> {
    const delays = [0, ...this.world.config.webhookRetryDelaysMs];
    const generation = this.world.generation;
    for (const delay of delays) {
      if (delay > 0) await this.scheduler.delay(delay);
      if (this.world.generation !== generation) {
        delivery.state = "skipped";
        delivery.note = "world was reset before delivery";
        return;
      }
      if (this.scheduler.closed) break;
      if (await this.attempt(delivery, raw, headers)) {
        delivery.state = "delivered";
        return;
      }
    }
    delivery.state = "failed";
  }

  /** Only HTTP 200 within the timeout (2 s by default) counts. */
  private async attempt(
    delivery: WebhookDelivery,
    raw: string,
    headers: Record<string, string>,
  ): Promise<boolean> {
    const attempt = await postWebhookOnce(this.scheduler, {
      url: delivery.url,
      body: raw,
      headers,
      timeoutMs: this.world.config.webhookTimeoutMs,
    });
    delivery.attempts.push(attempt);
    return attempt.status === 200;
  }
}
