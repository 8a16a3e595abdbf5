// A page's message to a customer: stored in the thread, echoed to the app, then "delivered" by the phone.
import type { Scheduler } from "../shared/scheduler";
import { deliveryEvent, echoEvent } from "./webhook-events";
import type { WebhookSender } from "./webhook-delivery";
import type { World } from "./world";
import type { Attachment, StoredMessage, Thread } from "./world-types";

export interface OutgoingDeps {
  world: World;
  webhooks: WebhookSender;
  scheduler: Scheduler;
}

export interface OutgoingFields {
  text?: string;
  attachments: Attachment[];
  appId: string;
  metadata?: string;
  /** The thread's message this one quotes (Send API `reply_to.mid`). */
  replyToMid?: string;
}

export function storePageMessage(world: World, thread: Thread, fields: OutgoingFields): StoredMessage {
  return world.appendMessage(thread, { ...fields, direction: "out", createdAt: world.now() });
}

/**
 * Sends the echo now (resolving once it was delivered or given up) and schedules the delivery
 * receipt the customer's phone would produce shortly after.
 */
export async function echoNow(deps: OutgoingDeps, thread: Thread, message: StoredMessage): Promise<void> {
  await deps.webhooks.deliverEvents(thread.pageId, [echoEvent(deps.world, thread, message)])?.done;
}

/** Runs `task` later unless the world was reset meanwhile (its thread would belong to the old world). */
function laterInThisWorld(deps: OutgoingDeps, ms: number, task: () => Promise<void>): void {
  const generation = deps.world.generation;
  deps.scheduler.later(ms, () => (deps.world.generation === generation ? task() : undefined));
}

export function scheduleDeliveryReceipt(deps: OutgoingDeps, thread: Thread, message: StoredMessage): void {
  laterInThisWorld(deps, deps.world.config.deliveryDelayMs, async () => {
    const watermark = Math.max(message.createdAt, deps.world.now());
    thread.customerDeliveredWatermark = Math.max(thread.customerDeliveredWatermark, watermark);
    await deps.webhooks.deliverEvents(thread.pageId, [deliveryEvent(thread, [message.mid], watermark)])?.done;
  });
}

/** Echo after the response (or before it, when the config asks), then the delivery receipt. */
export async function announceOutgoing(
  deps: OutgoingDeps,
  thread: Thread,
  message: StoredMessage,
  beforeResponse: boolean,
): Promise<void> {
  if (beforeResponse) await echoNow(deps, thread, message);
  else laterInThisWorld(deps, deps.world.config.echoDelayMs, () => echoNow(deps, thread, message));
  scheduleDeliveryReceipt(deps, thread, message);
}
