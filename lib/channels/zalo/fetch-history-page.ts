// One page of an OA's history for the import (docs/platforms/zalo.md, "History"): the next 10 recent
// chats of /v2.0/oa/listrecentchat, and for each user in them the latest messages of
// /v2.0/oa/conversation. The cursor is the offset of the next recent-chats page, so a stopped import
// resumes where it was; a user seen twice (their new message moved them up) is stored once, since
// contacts, conversations and messages are keyed on Zalo's ids. -32 (rate limit) comes out as a
// transient ZaloError, and the sync waits (problemOf).
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import type { ParsedThread } from "@/lib/history-sync/synced-thread";
import { HISTORY_PAGE_SIZE, historyItemSchema, historyPageSchema } from "@/lib/channels/zalo/history-payload";
import { parseZaloThread } from "@/lib/channels/zalo/parse-zalo-thread";
import { withOaToken } from "@/lib/channels/zalo/with-oa-token";
import { oaRequest } from "@/lib/channels/zalo/zalo-client";

/** Messages read per conversation: as many as Messenger's import keeps (its API's limit). */
const MESSAGES_PER_THREAD = 20;

function userOf(raw: unknown, oaId: string): string | null {
  const item = historyItemSchema.safeParse(raw);
  if (!item.success) return null;
  return item.data.from_id === oaId ? item.data.to_id : item.data.from_id;
}

async function readConversation(token: string, userId: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let offset = 0; offset < MESSAGES_PER_THREAD; offset += HISTORY_PAGE_SIZE) {
    const { data } = await oaRequest(token, {
      path: "/v2.0/oa/conversation",
      data: { user_id: userId, offset, count: HISTORY_PAGE_SIZE },
      schema: historyPageSchema,
    });
    items.push(...data);
    if (data.length < HISTORY_PAGE_SIZE) break;
  }
  return items;
}

export async function fetchZaloHistoryPage(channel: ChannelCredentials, cursor: string | null): Promise<{ threads: ParsedThread[]; after: string | null }> {
  const offset = cursor === null ? 0 : Number(cursor);
  return withOaToken(channel, async (token) => {
    const { data: recent } = await oaRequest(token, {
      path: "/v2.0/oa/listrecentchat",
      data: { offset, count: HISTORY_PAGE_SIZE },
      schema: historyPageSchema,
    });
    const users = [...new Set(recent.map((raw) => userOf(raw, channel.externalId)).filter((user) => user !== null))];
    const threads: ParsedThread[] = [];
    for (const userId of users) threads.push(parseZaloThread(userId, await readConversation(token, userId)));
    return { threads, after: recent.length < HISTORY_PAGE_SIZE ? null : String(offset + recent.length) };
  });
}
