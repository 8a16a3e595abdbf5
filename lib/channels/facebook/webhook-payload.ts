// Zod schemas for the Messenger webhook body (docs/platforms/facebook.md, "Webhooks"). Unknown fields are ignored, and
// events stay `unknown` at the batch level so one malformed event is skipped alone, not the batch.
import { z } from "zod";

const ID_MAX_LENGTH = 1000;

/** Ids are strings in Facebook's JSON; a number is accepted and turned into its decimal string. */
const id = z.union([z.string().min(1).max(ID_MAX_LENGTH), z.number()]).transform(String);
/** Message ids are ~100 characters; a giant one could not even be indexed (a poison event). */
const mid = z.string().min(1).max(ID_MAX_LENGTH);
/** Milliseconds since the epoch. */
const millis = z.number().int().nonnegative();

export const webhookBodySchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id,
      time: millis.optional(),
      messaging: z.array(z.unknown()).default([]),
      // Handover protocol: events for threads another app controls arrive here, same shape.
      standby: z.array(z.unknown()).default([]),
    }),
  ),
});

const attachmentSchema = z.object({
  type: z.string(),
  // Older fallback attachments carry title/url beside the payload instead of inside it.
  title: z.string().nullish(),
  url: z.string().nullish(),
  payload: z
    .object({
      url: z.string().nullish(),
      title: z.string().nullish(),
      sticker_id: id.nullish(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).nullish(),
    })
    .nullish(),
});
export type MessengerAttachment = z.infer<typeof attachmentSchema>;

const messengerMessageSchema = z.object({
  mid,
  text: z.string().nullish(),
  is_echo: z.boolean().nullish(),
  app_id: id.nullish(),
  metadata: z.string().nullish(),
  sticker_id: id.nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  quick_reply: z.object({ payload: z.string() }).nullish(),
  reply_to: z.object({ mid: mid.nullish() }).nullish(),
});
export type MessengerMessage = z.infer<typeof messengerMessageSchema>;

export const messagingEventSchema = z.object({
  sender: z.object({ id }),
  recipient: z.object({ id }),
  timestamp: millis.nullish(),
  message: messengerMessageSchema.nullish(),
  postback: z
    .object({ title: z.string().nullish(), payload: z.string().nullish(), mid: mid.nullish() })
    .nullish(),
  delivery: z.object({ mids: z.array(mid).nullish(), watermark: millis }).nullish(),
  read: z.object({ watermark: millis }).nullish(),
  reaction: z
    .object({
      reaction: z.string().nullish(),
      emoji: z.string().nullish(),
      action: z.enum(["react", "unreact"]),
      mid,
    })
    .nullish(),
});
