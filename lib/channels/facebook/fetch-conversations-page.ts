// One page of a page's Messenger threads from Graph's Conversations API, newest first, with each
// thread's 20 most recent messages (the most Graph details). Only the envelope is checked here:
// threads stay `unknown` so a malformed one is skipped alone (parse-graph-thread.ts). A 190 marks
// the channel "needs reconnect" before the error reaches the caller (withChannelToken).
import { z } from "zod";
import { graphRequest } from "@/lib/channels/facebook/graph-client";
import { withChannelToken } from "@/lib/channels/with-channel-token";

export const THREADS_PER_PAGE = 25;
/** A page carries up to 25 threads × 20 messages: slower to build than most Graph answers. */
const PAGE_TIMEOUT_MS = 30_000;
const FIELDS =
  "participants,updated_time,message_count,messages.limit(20){id,message,from,to,created_time,attachments,sticker}";

const pageSchema = z.object({
  data: z.array(z.unknown()),
  paging: z
    .object({
      cursors: z.object({ after: z.string().nullish() }).nullish(),
      next: z.string().nullish(),
    })
    .nullish(),
});

export interface ConversationsPage {
  threads: unknown[];
  /** The cursor of the following page; null on the last page. */
  after: string | null;
}

export async function fetchConversationsPage(
  channel: { id: string; externalId: string; accessTokenEnc: string },
  after: string | null,
): Promise<ConversationsPage> {
  const reply = await withChannelToken(channel, (pageToken) =>
    graphRequest({
      path: `${encodeURIComponent(channel.externalId)}/conversations`,
      accessToken: pageToken,
      query: { platform: "messenger", fields: FIELDS, limit: THREADS_PER_PAGE, after: after ?? undefined },
      schema: pageSchema,
      timeoutMs: PAGE_TIMEOUT_MS,
    }),
  );
  // Graph sends `next` only when there is more; the `after` cursor alone is also present on the last page.
  const next = reply.paging?.next ? (reply.paging.cursors?.after ?? null) : null;
  return { threads: reply.data, after: next };
}
