// The Send API calls: a message (text or one attachment) and the sender actions (typing, mark seen).
// Failures come out as GraphError; classify-send-error.ts says what they mean.
import { z } from "zod";
import { graphRequest } from "@/lib/channels/facebook/graph-client";
import type { SendApiPayload } from "@/lib/channels/facebook/send-api-payload";

/** Facebook gives up on webhooks after 20 s; a send that takes longer is retried rather than awaited. */
const SEND_TIMEOUT_MS = 20_000;
/** Typing and seen indicators are worthless late: give up quickly. */
const SENDER_ACTION_TIMEOUT_MS = 5_000;

const sendReplySchema = z.object({ recipient_id: z.string().optional(), message_id: z.string().min(1) });
const senderActionReplySchema = z.object({ recipient_id: z.string().optional() });

export async function sendMessage(pageId: string, pageToken: string, payload: SendApiPayload): Promise<{ messageId: string }> {
  const reply = await graphRequest({
    method: "POST",
    path: `${pageId}/messages`,
    accessToken: pageToken,
    json: payload,
    schema: sendReplySchema,
    timeoutMs: SEND_TIMEOUT_MS,
  });
  return { messageId: reply.message_id };
}

export type SenderAction = "typing_on" | "typing_off" | "mark_seen";

export async function sendSenderAction(pageId: string, pageToken: string, recipientId: string, action: SenderAction): Promise<void> {
  await graphRequest({
    method: "POST",
    path: `${pageId}/messages`,
    accessToken: pageToken,
    json: { recipient: { id: recipientId }, sender_action: action },
    schema: senderActionReplySchema,
    timeoutMs: SENDER_ACTION_TIMEOUT_MS,
  });
}
