// Processes stored webhook bodies: normalises their events (each platform's provider), finds the
// channel of each account, and stores every event. Events of one customer on one channel keep their delivery order (a reaction after
// its message, a receipt after the echo); different customers are handled side by side.
// Problems with a body or one event are logged and skipped; only infrastructure errors (database
// down, a bug) fail a body, which the queue then retries — safe, because storing twice changes nothing.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { providerOf } from "@/lib/channels/registry";
import { publish, receiveEvent } from "@/lib/inbox/receive-event";
import { receivingChannelSelect, type ReceivingChannel } from "@/lib/inbox/receiving-channel";
import { storeKnownCustomerMessages, type KnownCustomerAttempt } from "@/lib/inbox/store-known-customer-messages";
import { storeNewConversations } from "@/lib/inbox/store-new-conversations";
import type { InboundEvent, InboundMessageEvent, NormalizedEvent } from "@/lib/inbox/inbound-event";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface StoredWebhook {
  id: bigint;
  platform: Platform;
  rawBody: string;
}

export interface WebhookOutcome {
  stored: number;
  skipped: number;
  /** Why the whole body was not processed (kept on the WebhookEvent row; not retried). */
  rejected?: string;
  /** The first infrastructure error: the body must be processed again later. */
  error?: unknown;
  /** Events left for later because the time budget ran out. */
  unfinished: number;
}

export interface ReceiveOptions {
  /** How many customers' events are stored at the same time. */
  concurrency?: number;
  /** Epoch ms after which no further event is started. */
  deadline?: number;
}

const DEFAULT_CONCURRENCY = 8;

interface WorkItem {
  webhookId: bigint;
  channel: ReceivingChannel;
  event: InboundEvent;
}

export async function receiveWebhooks(webhooks: StoredWebhook[], options: ReceiveOptions = {}): Promise<Map<bigint, WebhookOutcome>> {
  const outcomes = new Map<bigint, WebhookOutcome>(webhooks.map((w) => [w.id, { stored: 0, skipped: 0, unfinished: 0 }]));
  const outcomeOf = (id: bigint) => outcomes.get(id) as WebhookOutcome;

  const parsed: Array<{ webhookId: bigint; platform: Platform; accountId: string; event: NormalizedEvent }> = [];
  for (const webhook of webhooks) {
    const body = providerOf(webhook.platform).inbound.normalize(webhook.rawBody);
    if (!body.ok) {
      outcomeOf(webhook.id).rejected = body.reason;
      logger.warn("Webhook body skipped", { webhookEventId: String(webhook.id), reason: body.reason });
      continue;
    }
    for (const { accountId, event } of body.events) parsed.push({ webhookId: webhook.id, platform: webhook.platform, accountId, event });
  }

  const channels = await channelsByAccount(parsed);
  const groups = new Map<string, WorkItem[]>();
  for (const { webhookId, platform, accountId, event } of parsed) {
    const channel = channels.get(accountKey(platform, accountId));
    if (!channel || event.kind === "skip") {
      outcomeOf(webhookId).skipped++;
      if (event.kind === "skip") logger.info("Webhook event skipped", { platform, accountId, reason: event.reason });
      continue;
    }
    const key = `${channel.id}|${event.contactPlatformId}`;
    const group = groups.get(key) ?? [];
    group.push({ webhookId, channel, event });
    groups.set(key, group);
  }

  const queue = [...groups.values()];
  const known = await storeFirstMessages(queue);
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const item of group) {
        const outcome = outcomeOf(item.webhookId);
        const attempt = known.get(item);
        if (attempt?.stored) {
          outcome.stored++;
          continue;
        }
        if (options.deadline !== undefined && Date.now() > options.deadline) {
          outcome.unfinished++;
          continue;
        }
        try {
          await receiveEvent(item.channel, item.event, attempt);
          outcome.stored++;
        } catch (error) {
          outcome.error ??= error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, queue.length) }, worker));
  return outcomes;
}

/**
 * Each customer's first message of the batch, stored in one statement where it is the common case
 * (store-known-customer-messages.ts); first messages of new conversations then together in one
 * transaction (store-new-conversations.ts); all of them published in one go. The rest of each
 * customer's events follow in order. If a batch statement fails (a deadlock with another process,
 * the database gone), its events take their own path as if it had not been tried, which reports
 * any lasting error per webhook.
 */
async function storeFirstMessages(groups: WorkItem[][]): Promise<Map<WorkItem, KnownCustomerAttempt>> {
  const firsts = groups.map((group) => group[0]).filter((item): item is WorkItem & { event: InboundMessageEvent } => item?.event.kind === "message");
  if (firsts.length === 0) return new Map();
  let attempts: KnownCustomerAttempt[];
  try {
    attempts = await storeKnownCustomerMessages(firsts);
  } catch (error) {
    logger.warn("Could not store a batch's first messages together; storing them one by one", { error, messages: firsts.length });
    return new Map();
  }
  const known = new Map(firsts.map((item, index) => [item, attempts[index]!]));
  const starters = firsts.filter((item) => startsConversation(known.get(item)!));
  const conversationIds: string[] = [];
  try {
    const stored = await storeNewConversations(starters.map((item) => ({ ...item, found: known.get(item)!.found })));
    starters.forEach((item, index) => {
      const messageIds = stored.messageIds[index];
      if (messageIds) known.set(item, { stored: { messageIds }, found: null });
    });
    conversationIds.push(...stored.conversationIds);
  } catch (error) {
    logger.warn("Could not store a batch's new conversations together; storing them one by one", { error, messages: starters.length });
  }
  // Published together, ahead of the events that need more than these statements (publications
  // go out in the order they were asked for). Not awaited: the publication's queries then overlap
  // the claim's commit and the next batch, instead of adding to every batch's time (issue 18).
  void publish({ messageIds: [...known.values()].flatMap((attempt) => attempt.stored?.messageIds ?? []), conversationIds });
  return known;
}

/** A first message the batch path can store: no contact yet, or a fresh contact without a conversation. */
function startsConversation({ stored, found }: KnownCustomerAttempt): boolean {
  return !stored && (found === null || (found.conversationId === null && found.profileIsFresh));
}

const accountKey = (platform: Platform, accountId: string) => `${platform}|${accountId}`;

/** Connected (or waiting-for-reconnect) channels by platform and account; unknown accounts are logged once. */
async function channelsByAccount(events: Array<{ platform: Platform; accountId: string }>): Promise<Map<string, ReceivingChannel>> {
  if (events.length === 0) return new Map();
  const idsByPlatform = new Map<Platform, Set<string>>();
  for (const { platform, accountId } of events) idsByPlatform.set(platform, (idsByPlatform.get(platform) ?? new Set()).add(accountId));
  // A disconnected channel's late events are dropped; a channel waiting for reconnection still receives.
  const channels = await db().channel.findMany({
    where: {
      OR: [...idsByPlatform].map(([platform, ids]) => ({ platform, externalId: { in: [...ids] } })),
      status: { not: "disconnected" },
    },
    select: receivingChannelSelect,
  });
  const byAccount = new Map(channels.map((channel) => [accountKey(channel.platform, channel.externalId), channel]));
  for (const [platform, ids] of idsByPlatform) {
    for (const accountId of ids) {
      if (!byAccount.has(accountKey(platform, accountId))) logger.warn("Webhook events for an account with no connected channel; skipped", { platform, accountId });
    }
  }
  return byAccount;
}

/** One body on its own (tests, scripts); throws the first infrastructure error. */
export async function receiveWebhookBatch(platform: Platform, rawBody: string): Promise<Omit<WebhookOutcome, "error" | "unfinished">> {
  const outcome = (await receiveWebhooks([{ id: 0n, platform, rawBody }])).get(0n) as WebhookOutcome;
  if (outcome.error) throw outcome.error;
  return { stored: outcome.stored, skipped: outcome.skipped, ...(outcome.rejected ? { rejected: outcome.rejected } : {}) };
}
