// One user's conversation with the OA, as Zalo's /v2.0/oa/conversation returned it (newest first),
// turned into the thread the history import stores. Pure.
import type { StoredAttachment } from "@/lib/inbox/inbound-event";
import type { ParsedThread, SyncedMessage } from "@/lib/history-sync/synced-thread";
import { historyItemSchema, type HistoryItem } from "@/lib/channels/zalo/history-payload";

/** Zalo's `src`: 1 the user wrote to the OA, 0 the OA wrote to the user. */
const FROM_USER = 1;

function attachmentsOf(item: HistoryItem): StoredAttachment[] {
  const url = item.url ?? item.thumb ?? null;
  switch (item.type) {
    case undefined:
    case null:
    case "text":
    case "nosupport":
      return [];
    case "photo":
    case "image":
    case "gif":
      return [{ type: "image", url }];
    case "sticker":
      return [{ type: "sticker", url }];
    case "voice":
    case "audio":
      return [{ type: "audio", url }];
    case "video":
      return [{ type: "video", url }];
    case "file":
      return [{ type: "file", url, name: item.message ?? null }];
    default:
      return [{ type: "fallback", url, title: item.message ?? null }];
  }
}

function toMessage(item: HistoryItem): SyncedMessage {
  const attachments = attachmentsOf(item);
  const text = item.type === "file" ? null : (item.message ?? null);
  return {
    platformMessageId: item.message_id,
    direction: item.src === FROM_USER ? "inbound" : "outbound",
    text: text || null,
    attachments: text || attachments.length > 0 ? attachments : [{ type: "fallback", url: null, title: null }],
    at: new Date(item.time),
  };
}

export function parseZaloThread(userId: string, rawItems: unknown[]): ParsedThread {
  const items: HistoryItem[] = [];
  for (const raw of rawItems) {
    const parsed = historyItemSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, threadId: userId, reason: "malformed", detail: parsed.error.issues[0]?.message ?? "invalid item" };
    items.push(parsed.data);
  }
  const newest = items[0];
  if (!newest) return { ok: false, threadId: userId, reason: "no_customer", detail: "the conversation has no messages" };
  const fromUser = items.find((item) => item.src === FROM_USER);
  const messages = items.map(toMessage).reverse();
  return {
    ok: true,
    thread: {
      threadId: userId,
      updatedAt: new Date(newest.time),
      customer: { platformUserId: userId, name: fromUser?.from_display_name ?? null },
      messages,
    },
  };
}
