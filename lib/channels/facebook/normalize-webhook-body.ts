// Turns one stored Messenger webhook body (a batch: several pages, each with several events) into
// normalised events in delivery order. Pure: the processor decides what to do with each.
import { parseWebhookJson } from "@/lib/webhooks/parse-webhook-json";
import { normalizeMessagingEvent } from "@/lib/channels/facebook/normalize-messaging-event";
import { webhookBodySchema } from "@/lib/channels/facebook/webhook-payload";
import type { NormalizedEvent } from "@/lib/inbox/inbound-event";

export interface PageEvent {
  pageId: string;
  event: NormalizedEvent;
}

export type NormalizedBody = { ok: true; events: PageEvent[] } | { ok: false; reason: string };

/**
 * Messenger's own bodies nest about 10 levels deep. Parsing (the reviver below recurses) and
 * validating walk every level, so a body past this is refused, at ingest before it is stored.
 */
export const MAX_WEBHOOK_DEPTH = 64;

export function normalizeWebhookBody(rawBody: string, ourAppId: string): NormalizedBody {
  const body = parseWebhookJson(rawBody, MAX_WEBHOOK_DEPTH);
  if (!body.ok) return body;
  const parsed = webhookBodySchema.safeParse(body.json);
  if (!parsed.success) return { ok: false, reason: `not a webhook body: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  // Instagram and Page feed changes share the endpoint; this product handles Messenger only.
  if (parsed.data.object !== "page") return { ok: false, reason: `object "${parsed.data.object}" is not handled` };

  const events: PageEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const raw of [...entry.messaging, ...entry.standby]) {
      const event = normalizeMessagingEvent(raw, { pageId: entry.id, entryTime: entry.time, ourAppId });
      events.push({ pageId: entry.id, event });
    }
  }
  return { ok: true, events };
}
