// What every emulator does around one webhook delivery: it is logged as pending at once, sent in
// order with the platform's other events for the same account, retried with the platform's backoff,
// and skipped when the world it was meant for was reset or restored meanwhile. Bodies, signatures
// and what a final failure changes are the platform's.
import type { Scheduler } from "./scheduler";
import { postWebhookOnce, type WebhookAttempt } from "./webhook-post";

/** Logs beyond this are forgotten, oldest first, so a long demo does not grow without bound. */
const MAX_LOG_ENTRIES = 1000;

export type SignatureMode = "valid" | "invalid" | "missing";

export interface DeliveryRecord {
  id: number;
  url: string;
  state: "pending" | "delivered" | "failed" | "skipped";
  note?: string;
  attempts: WebhookAttempt[];
  createdAt: number;
}

/** A delivery as recorded at once, and the promise of its outcome (after any retries). */
export interface Sending<Delivery> {
  delivery: Delivery;
  done: Promise<Delivery>;
}

/** The part of a world a delivery depends on. */
export interface DeliveryWorld {
  /** Bumped when the world is reset or restored: a delivery meant for the old world is skipped. */
  readonly generation: number;
  readonly config: { webhookRetryDelaysMs: number[]; webhookTimeoutMs: number };
}

export function appendBounded<Entry>(log: Entry[], entry: Entry): void {
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES) log.shift();
}

/** A new delivery, logged as pending before its first attempt. */
export function pendingDelivery<Fields extends { url: string }>(
  fields: Fields,
  id: number,
  createdAt: number,
): Fields & DeliveryRecord {
  return { ...fields, id, state: "pending", attempts: [], createdAt };
}

/** Without a webhook URL configured nothing is sent: the delivery is logged as skipped. */
export function skippedForNoUrl<Delivery extends DeliveryRecord>(delivery: Delivery): Sending<Delivery> {
  delivery.state = "skipped";
  delivery.note = "no webhookUrl configured";
  return { delivery, done: Promise.resolve(delivery) };
}

/** Per-account chains: one account's events reach the app in the order they happened. */
export class OrderedQueues {
  private readonly queues = new Map<string, Promise<void>>();

  enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    this.queues.set(key, run);
    return run;
  }
}

/**
 * Tries at once, then after each of the world's retry delays; only HTTP 200 within the timeout
 * counts. Leaves the delivery delivered, failed (also when the emulator closed) or skipped.
 */
export async function sendWithRetries(
  world: DeliveryWorld,
  scheduler: Scheduler,
  delivery: DeliveryRecord,
  request: { body: Uint8Array<ArrayBuffer> | string; headers: Record<string, string> },
): Promise<void> {
  const delays = [0, ...world.config.webhookRetryDelaysMs];
  const generation = world.generation;
  for (const delay of delays) {
    if (delay > 0) await scheduler.delay(delay);
    if (world.generation !== generation) {
      delivery.state = "skipped";
      delivery.note = "world was reset before delivery";
      return;
    }
    if (scheduler.closed) break;
    const attempt = await postWebhookOnce(scheduler, {
      url: delivery.url,
      body: request.body,
      headers: request.headers,
      timeoutMs: world.config.webhookTimeoutMs,
    });
    delivery.attempts.push(attempt);
    if (attempt.status === 200) {
      delivery.state = "delivered";
      return;
    }
  }
  delivery.state = "failed";
}
