// What a customer does on their phone (write, tap a button, react, read, receive) and the webhook each makes.
import type { OutgoingDeps } from "./page-outgoing";
import type { Sending } from "./webhook-delivery";
import {
  customerMessageEvent,
  deliveryEvent,
  postbackEvent,
  reactionEvent,
  reactionOf,
  readEvent,
  type Referral,
} from "./webhook-events";
import type { World } from "./world";
import type { Attachment, StoredMessage, Thread } from "./world-types";

export interface ActionResult {
  thread: Thread;
  message?: StoredMessage;
  /** The webhook sent for it; undefined when the page is not subscribed to that event. */
  sending?: Sending;
}

export class CustomerNotFoundError extends Error {}

/** Only writing (or tapping a button) starts a conversation; reading or reacting needs one already. */
export function threadFor(world: World, pageId: string, psid: string, start = false): Thread {
  const customer = world.customer(psid);
  if (!world.page(pageId)) throw new CustomerNotFoundError(`Unknown page ${pageId}`);
  if (!customer || customer.pageId !== pageId)
    throw new CustomerNotFoundError(`Unknown customer ${psid} on page ${pageId}`);
  const thread = start ? world.ensureThread(pageId, psid) : world.threadOf(pageId, psid);
  if (!thread) throw new CustomerNotFoundError(`Customer ${psid} has not written to page ${pageId} yet`);
  return thread;
}

export interface CustomerMessageInput {
  pageId: string;
  psid: string;
  text?: string;
  attachments?: Attachment[];
  quickReplyPayload?: string;
  replyToMid?: string;
}

export function customerWrites(deps: OutgoingDeps, input: CustomerMessageInput): ActionResult {
  const thread = threadFor(deps.world, input.pageId, input.psid, true);
  const message = deps.world.appendMessage(thread, {
    direction: "in",
    text: input.text,
    attachments: input.attachments ?? [],
    quickReplyPayload: input.quickReplyPayload,
    replyToMid: input.replyToMid,
    createdAt: deps.world.now(),
  });
  // Writing implies the customer has seen everything the page sent before.
  thread.customerReadWatermark = message.createdAt;
  thread.customerDeliveredWatermark = message.createdAt;
  const sending = deps.webhooks.deliverEvents(thread.pageId, [
    customerMessageEvent(deps.world, thread, message),
  ]);
  return { thread, message, sending };
}

export function customerTapsButton(
  deps: OutgoingDeps,
  input: { pageId: string; psid: string; title: string; payload: string; referral?: Referral },
): ActionResult {
  const thread = threadFor(deps.world, input.pageId, input.psid, true);
  // A postback shows in the thread as the button's title, written by the customer.
  const message = deps.world.appendMessage(thread, {
    direction: "in",
    text: input.title,
    attachments: [],
    postback: { title: input.title, payload: input.payload },
    createdAt: deps.world.now(),
  });
  const sending = deps.webhooks.deliverEvents(thread.pageId, [
    postbackEvent(thread, message, input.referral),
  ]);
  return { thread, message, sending };
}

/** Reacting to an unknown mid is allowed on purpose: apps must cope with reactions they never saw. */
export function customerReacts(
  deps: OutgoingDeps,
  input: { pageId: string; psid: string; mid: string; reaction: string; action: "react" | "unreact" },
): ActionResult {
  const thread = threadFor(deps.world, input.pageId, input.psid);
  const target = deps.world.message(input.mid);
  const reaction = reactionOf(input.reaction);
  if (target && target.thread === thread) {
    if (input.action === "react") target.message.reactions.customer = reaction;
    else delete target.message.reactions.customer;
  }
  const event = reactionEvent(thread, input.mid, reaction, input.action, deps.world.now());
  return { thread, sending: deps.webhooks.deliverEvents(thread.pageId, [event]) };
}

export function customerReads(
  deps: OutgoingDeps,
  input: { pageId: string; psid: string; watermark?: number },
): ActionResult {
  const thread = threadFor(deps.world, input.pageId, input.psid);
  const watermark = input.watermark ?? deps.world.now();
  thread.customerReadWatermark = Math.max(thread.customerReadWatermark, watermark);
  thread.customerDeliveredWatermark = Math.max(thread.customerDeliveredWatermark, watermark);
  const event = readEvent(thread, watermark, deps.world.now());
  return { thread, sending: deps.webhooks.deliverEvents(thread.pageId, [event]) };
}

export function customerPhoneReceives(
  deps: OutgoingDeps,
  input: { pageId: string; psid: string; mids?: string[]; watermark?: number },
): ActionResult {
  const thread = threadFor(deps.world, input.pageId, input.psid);
  const watermark = input.watermark ?? deps.world.now();
  thread.customerDeliveredWatermark = Math.max(thread.customerDeliveredWatermark, watermark);
  return {
    thread,
    sending: deps.webhooks.deliverEvents(thread.pageId, [deliveryEvent(thread, input.mids, watermark)]),
  };
}
