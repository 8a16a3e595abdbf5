// Subscribing the app to a page's Messenger webhooks (POST/DELETE {page-id}/subscribed_apps, with
// the page token). Facebook delivers a field only if both the page and the app subscribe to it.
import { graphRequest, successSchema } from "@/lib/channels/facebook/graph-client";

export const PAGE_WEBHOOK_FIELDS = [
  "messages",
  "messaging_postbacks",
  "message_echoes",
  "message_deliveries",
  "message_reads",
  "message_reactions",
  "messaging_referrals",
  "message_edits",
] as const;

export async function subscribePageWebhooks(pageId: string, pageToken: string): Promise<void> {
  await graphRequest({
    method: "POST",
    path: `${encodeURIComponent(pageId)}/subscribed_apps`,
    accessToken: pageToken,
    form: { subscribed_fields: PAGE_WEBHOOK_FIELDS.join(",") },
    schema: successSchema,
  });
}

export async function unsubscribePageWebhooks(pageId: string, pageToken: string): Promise<void> {
  await graphRequest({
    method: "DELETE",
    path: `${encodeURIComponent(pageId)}/subscribed_apps`,
    accessToken: pageToken,
    schema: successSchema,
  });
}
