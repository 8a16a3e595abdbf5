// The shapes of Zalo OA webhook bodies (docs/platforms/zalo.md, "Webhooks"), validated before use.
// One event per POST. Where sources disagree, every documented variant is accepted: a message id in
// `msg_id` or `message_id`; receipts naming `msg_ids[]` or one `msg_id`; a location in an
// attachment's `payload.coordinates` or at `message.location`; follow events named with or without
// "user_"; ids and timestamps as strings or numbers.
import { z } from "zod";

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Milliseconds since the epoch, as a string in Zalo's bodies. */
const millis = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(Number);

const coordinatesSchema = z.object({ latitude: z.coerce.number(), longitude: z.coerce.number() });

export const zaloAttachmentSchema = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().nullish(),
      thumbnail: z.string().nullish(),
      name: z.string().nullish(),
      title: z.string().nullish(),
      description: z.string().nullish(),
      id: id.nullish(),
      coordinates: coordinatesSchema.nullish(),
    })
    .nullish(),
});
export type ZaloAttachment = z.infer<typeof zaloAttachmentSchema>;

export const zaloMessageSchema = z.object({
  msg_id: id.optional(),
  /** One integration reads the id from here instead. */
  message_id: id.optional(),
  msg_ids: z.array(id).optional(),
  text: z.string().nullish(),
  attachments: z.array(zaloAttachmentSchema).nullish(),
  location: coordinatesSchema.nullish(),
  quote_msg_id: id.nullish(),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** user_send_*, oa_send_*, user_received_message, user_seen_message. */
export const zaloMessageEventSchema = z.object({
  event_name: z.string(),
  app_id: id.nullish(),
  timestamp: millis,
  sender: z.object({ id }),
  recipient: z.object({ id }),
  message: zaloMessageSchema,
});

/** Both names are seen for following and unfollowing an OA. */
export const FOLLOW_EVENT_NAMES: ReadonlySet<string> = new Set(["follow", "unfollow", "user_follow", "user_unfollow"]);

export const zaloFollowEventSchema = z.object({
  event_name: z.string(),
  oa_id: id,
  follower: z.object({ id }),
  timestamp: millis,
});

/** What every body has: enough to route it and to say which event it is. */
export const zaloEnvelopeSchema = z.object({ event_name: z.string().min(1) });
