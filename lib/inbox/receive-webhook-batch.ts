// Processes one stored webhook body: normalises its events, finds the channel of each page, and
// stores every event in delivery order. Problems with the body or one event are logged and skipped;
// only infrastructure errors (database down) throw, so the queue retries the whole batch later —
// safe, because storing an event twice changes nothing.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { normalizeWebhookBody } from "@/lib/channels/facebook/normalize-webhook-body";
import { receiveEvent } from "@/lib/inbox/receive-event";
import { receivingChannelSelect, type ReceivingChannel } from "@/lib/inbox/receiving-channel";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface BatchOutcome {
  stored: number;
  skipped: number;
  /** Why the whole body was not processed; recorded on the WebhookEvent row. */
  rejected?: string;
}

export async function receiveWebhookBatch(platform: Platform, rawBody: string): Promise<BatchOutcome> {
  if (platform !== "facebook") return { stored: 0, skipped: 0, rejected: `platform ${platform} is not handled` };
  const body = normalizeWebhookBody(rawBody, env().META_APP_ID);
  if (!body.ok) {
    logger.warn("Webhook body skipped", { platform, reason: body.reason });
    return { stored: 0, skipped: 0, rejected: body.reason };
  }

  const pageIds = [...new Set(body.events.map((item) => item.pageId))];
  // A disconnected page's late events are dropped; a page waiting for reconnection still receives.
  const channels = await db().channel.findMany({
    where: { platform, externalId: { in: pageIds }, status: { not: "disconnected" } },
    select: receivingChannelSelect,
  });
  const byPage = new Map<string, ReceivingChannel>(channels.map((channel) => [channel.externalId, channel]));
  for (const pageId of pageIds) {
    if (!byPage.has(pageId)) logger.warn("Webhook events for a page with no connected channel; skipped", { platform, pageId });
  }

  const outcome: BatchOutcome = { stored: 0, skipped: 0 };
  for (const { pageId, event } of body.events) {
    const channel = byPage.get(pageId);
    if (!channel) {
      outcome.skipped++;
    } else if (event.kind === "skip") {
      outcome.skipped++;
      logger.info("Webhook event skipped", { platform, pageId, reason: event.reason });
    } else {
      await receiveEvent(channel, event);
      outcome.stored++;
    }
  }
  return outcome;
}
