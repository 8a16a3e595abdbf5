// The items of Zalo's history reads, /v2.0/oa/listrecentchat and /v2.0/oa/conversation
// (docs/platforms/zalo.md, "History"): newest first, `src` 1 for the user's messages and 0 for the OA's.
import { z } from "zod";

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const historyItemSchema = z.object({
  message_id: id,
  src: z.coerce.number().int(),
  time: z.coerce.number().int(),
  type: z.string().nullish(),
  message: z.string().nullish(),
  url: z.string().nullish(),
  thumb: z.string().nullish(),
  from_id: id,
  to_id: id,
  from_display_name: z.string().nullish(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** Zalo's page size for both reads; larger counts are refused by some of its versions. */
export const HISTORY_PAGE_SIZE = 10;

export const historyPageSchema = z.object({ data: z.array(z.unknown()).nullish().transform((items) => items ?? []) });
