// Subscribing the app to a page's Messenger webhooks (POST/GET/DELETE {page-id}/subscribed_apps, with
// the page token). Facebook delivers a field only if both the page and the app subscribe to it.
import { z } from "zod";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
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

/** Facebook lists every app the page sends webhooks to; other apps of the page's may be there too. */
const subscribedAppsSchema = z.object({
  data: z.array(z.object({ id: z.string(), subscribed_fields: z.array(z.string()).optional() })),
});

/**
 * The webhook fields our app still needs and the page no longer sends it: all of them once Facebook
 * has dropped the subscription. An entry for our app without a field list counts as complete.
 */
export async function missingPageWebhookFields(pageId: string, pageToken: string): Promise<string[]> {
  const reply = await graphRequest({
    path: `${encodeURIComponent(pageId)}/subscribed_apps`,
    accessToken: pageToken,
    schema: subscribedAppsSchema,
  });
  const ours = reply.data.find((app) => app.id === facebookApp().appId);
  if (!ours) return [...PAGE_WEBHOOK_FIELDS];
  return PAGE_WEBHOOK_FIELDS.filter((field) => ours.subscribed_fields && !ours.subscribed_fields.includes(field));
}

export async function unsubscribePageWebhooks(pageId: string, pageToken: string): Promise<void> {
  await graphRequest({
    method: "DELETE",
    path: `${encodeURIComponent(pageId)}/subscribed_apps`,
    accessToken: pageToken,
    schema: successSchema,
  });
}
