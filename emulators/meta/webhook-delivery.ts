// Sends signed webhooks to the app like Facebook: one at a time per page, retried with backoff,
// recorded. Like Facebook, it batches: events for a page that queue behind the delivery in flight go
// out together in the next one, up to 1,000 updates (docs/platforms/facebook.md, "Webhooks").
import { facebookJson } from "./facebook-json";
import type { Scheduler } from "../shared/scheduler";
import {
  OrderedQueues,
  sendWithRetries,
  skippedForNoUrl,
  type Sending as SendingOf,
  type SignatureMode,
} from "../shared/webhook-delivery";
import { pageWebhookBody, type FieldEvent } from "./webhook-events";
import { hubSignature256, hubSignatureSha1 } from "./webhook-signature";
import type { World } from "./world";
import type { WebhookDelivery } from "./world-types";

export type Sending = SendingOf<WebhookDelivery>;

/** "Batches of up to 1000 updates" per POST, as Facebook documents. */
const MAX_UPDATES_PER_DELIVERY = 1000;

/** A page's delivery that waits behind the one in flight, still taking the page's next events. */
interface OpenBatch {
  events: unknown[];
  sending: Sending;
}

export class WebhookSender {
  /** Per-page chains keep Messenger's promise that a page's events arrive in order. */
  private readonly queues = new OrderedQueues();
  private readonly openBatches = new Map<string, OpenBatch>();

  constructor(
    private readonly world: World,
    private readonly scheduler: Scheduler,
  ) {}

  /**
   * Delivers one page's events, keeping those the page is subscribed to; resolves when the
   * delivery succeeded or gave up. Undefined when the page is not subscribed to any of them.
   */
  deliverEvents(pageId: string, events: FieldEvent[]): Sending | undefined {
    const fields = this.world.subscriptions.get(pageId)?.fields ?? [];
    const wanted = events.filter((e) => fields.includes(e.field)).map((e) => e.event);
    if (wanted.length === 0) return undefined;
    const open = this.openBatches.get(pageId);
    if (open && open.events.length + wanted.length <= MAX_UPDATES_PER_DELIVERY) {
      open.events.push(...wanted);
      open.sending.delivery.body = pageWebhookBody([{ pageId, events: open.events }], this.world.now());
      return open.sending;
    }
    const batch: OpenBatch = {
      events: wanted,
      sending: this.enqueue(
        [pageId],
        pageWebhookBody([{ pageId, events: wanted }], this.world.now()),
        "valid",
        () => {
          // Leaving the queue: later events go in a delivery of their own.
          if (this.openBatches.get(pageId) === batch) this.openBatches.delete(pageId);
        },
      ),
    };
    if (batch.sending.delivery.state === "pending") this.openBatches.set(pageId, batch);
    return batch.sending;
  }

  /** Delivers an arbitrary body (the control API's raw webhooks), signed as asked, after what is queued for its page. */
  deliverBody(body: unknown, pageIds: string[], signature: SignatureMode): Sending {
    // Events after it must not join a batch queued before it.
    this.openBatches.delete(pageIds[0] ?? "");
    return this.enqueue(pageIds, body, signature);
  }

  /** Logs the delivery as pending, and sends it (its body as it is by then) once the page's earlier ones are done. */
  private enqueue(pageIds: string[], body: unknown, signature: SignatureMode, onStart?: () => void): Sending {
    const url = this.world.config.webhookUrl;
    const delivery = this.world.newDelivery({ kind: "webhook", url: url ?? "", pageIds, body });
    if (!url) return skippedForNoUrl(delivery);
    const run = this.queues.enqueue(pageIds[0] ?? "", () => {
      onStart?.();
      return this.send(delivery, ...this.signed(delivery.body, signature));
    });
    return { delivery, done: run.then(() => delivery) };
  }

  private signed(body: unknown, signature: SignatureMode): [Buffer, Record<string, string>] {
    const raw = Buffer.from(facebookJson(body), "utf8");
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "facebookexternalua",
    };
    if (signature !== "missing") {
      const secret =
        signature === "valid" ? this.world.config.appSecret : `${this.world.config.appSecret}-wrong`;
      headers["x-hub-signature-256"] = hubSignature256(secret, raw);
      headers["x-hub-signature"] = hubSignatureSha1(secret, raw);
    }
    return [raw, headers];
  }

  /** The deauthorize callback: a form POST carrying signed_request, tried once like the others. */
  postForm(
    kind: WebhookDelivery["kind"],
    url: string,
    form: Record<string, string>,
  ): Promise<WebhookDelivery> {
    const delivery = this.world.newDelivery({ kind, url, pageIds: [], body: form });
    const raw = Buffer.from(new URLSearchParams(form).toString(), "utf8");
    return this.send(delivery, raw, { "content-type": "application/x-www-form-urlencoded" }).then(
      () => delivery,
    );
  }

  /** Only HTTP 200 within the timeout counts, as Facebook documents. */
  private async send(delivery: WebhookDelivery, raw: Buffer, headers: Record<string, string>): Promise<void> {
    await sendWithRetries(this.world, this.scheduler, delivery, { body: new Uint8Array(raw), headers });
    if (
      delivery.state === "failed" &&
      delivery.kind === "webhook" &&
      this.world.config.unsubscribeOnWebhookFailure &&
      !this.scheduler.closed
    ) {
      for (const pageId of delivery.pageIds) this.world.subscriptions.delete(pageId);
      if (delivery.pageIds.length > 0)
        delivery.note = `subscription removed for pages ${delivery.pageIds.join(", ")}`;
    }
  }
}
