// The browser's bookkeeping of live updates: where a changed conversation goes in the open list, and
// how a thread merges server pages, live messages and optimistic sends.
import { describe, expect, it } from "vitest";
import type { ConversationSummary, MessageDto } from "@/lib/inbox/inbox-dto";
import { matchesFilter, placeConversation } from "@/components/inbox/conversation-order";
import { applyLiveMessage, displayMessages, mergeNewestPage, newClientMessageId, upsertMessage, type LocalMessage } from "@/components/inbox/thread-messages";
import { decodeCursor, encodeCursor } from "@/lib/inbox/keyset-cursor";
import { normalizeSearchName } from "@/lib/inbox/search-name";

const summary = (id: string, minute: number, patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  channel: { id: "page-1", name: "Shop", avatarUrl: null, platform: "facebook" },
  contact: { id: `contact-${id}`, name: `Khách ${id}`, avatarUrl: null },
  assignee: { id: "ha", name: "Hà" },
  ruleId: null,
  state: "assigned",
  origin: "live",
  lastMessageAt: new Date(Date.UTC(2026, 4, 1, 8, minute)).toISOString(),
  lastInboundAt: null,
  replyWindow: { phases: [], repliesLeft: null },
  lastMessagePreview: null,
  unreadCount: 0,
  labels: [],
  updatedAt: new Date(Date.UTC(2026, 4, 1, 8, minute)).toISOString(),
  ...patch,
});

const message = (id: string, second: number, patch: Partial<MessageDto> = {}): MessageDto => ({
  id,
  conversationId: "c1",
  direction: "inbound",
  senderKind: "contact",
  sender: null,
  text: id,
  attachments: [],
  quickReplyPayload: null,
  postback: null,
  replyToPlatformMessageId: null,
  quoted: null,
  status: "delivered",
  failureReason: null,
  failureCode: null,
  platformMessageId: null,
  clientMessageId: null,
  reactions: [],
  mentions: [],
  sentAt: new Date(Date.UTC(2026, 4, 1, 8, 0, second)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 4, 1, 8, 0, second)).toISOString(),
  ...patch,
});

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("conversation list updates", () => {
  const list = [summary("a", 30), summary("b", 20), summary("c", 10)];

  it("moves a conversation with a new message to the top", () => {
    expect(ids(placeConversation(list, summary("c", 40), true, false))).toEqual(["c", "a", "b"]);
  });

  it("takes out a conversation that left the tab, and leaves rows below the loaded page to paging", () => {
    expect(ids(placeConversation(list, summary("b", 20), false, false))).toEqual(["a", "c"]);
    expect(ids(placeConversation(list, summary("d", 5), true, true))).toEqual(["a", "b", "c"]);
    expect(ids(placeConversation(list, summary("d", 5), true, false))).toEqual(["a", "b", "c", "d"]);
  });

  it("matches tab, page and a search without diacritics", () => {
    const filter = { tab: "mine" as const, platform: null, channelId: null, labelId: null, q: "khach B" };
    expect(matchesFilter(summary("b", 1), filter, "ha")).toBe(true);
    expect(matchesFilter(summary("b", 1), filter, "minh")).toBe(false);
    expect(matchesFilter(summary("b", 1), { ...filter, channelId: "page-2" }, "ha")).toBe(false);
    const labelled = summary("b", 1, { labels: [{ id: "da-chot", name: "Đã chốt đơn", color: "green" }] });
    expect(matchesFilter(labelled, { ...filter, labelId: "da-chot" }, "ha")).toBe(true);
    expect(matchesFilter(summary("b", 1), { ...filter, labelId: "da-chot" }, "ha")).toBe(false);
    expect(matchesFilter(summary("b", 1, { state: "awaiting_claim", assignee: null }), { ...filter, tab: "queue" }, "minh")).toBe(true);
  });

  it("keeps a row the server found by its messages, with the message it found, while the search is open", () => {
    const filter = { tab: "mine" as const, platform: null, channelId: null, labelId: null, q: "phi ship" };
    const update = summary("b", 30, { lastMessagePreview: "Size M nhé" });
    expect(matchesFilter(update, filter, "ha")).toBe(false);
    expect(matchesFilter(update, filter, "ha", true)).toBe(true);
    expect(matchesFilter(summary("d", 30, { lastMessagePreview: "Phí SHIP bao nhiêu?" }), filter, "ha")).toBe(true);
    const match = { messageId: "m9", sentAt: "2026-05-01T08:00:00.000Z", snippet: "Phí ship về Huế" };
    const found = [summary("a", 20), { ...summary("b", 10), match }];
    const placed = placeConversation(found, update, true, false);
    expect(ids(placed)).toEqual(["b", "a"]);
    expect(placed[0]?.match).toEqual(match);
  });
});

describe("thread messages", () => {
  it("keeps oldest first and replaces a message by id", () => {
    const thread = [message("m1", 1), message("m2", 2)];
    const updated = upsertMessage(thread, message("m1", 1, { reactions: [{ actorPlatformId: "p", reaction: "love", emoji: "❤️" }] }));
    expect(ids(updated)).toEqual(["m1", "m2"]);
    expect(updated[0]?.reactions).toHaveLength(1);
  });

  it("never lets an older copy of a message undo a newer one, whichever arrives last", () => {
    const later = (second: number) => new Date(Date.UTC(2026, 4, 1, 8, 0, second)).toISOString();
    const failed = message("m1", 1, { direction: "outbound", status: "failed", updatedAt: later(3) });
    const pendingAnswer = message("m1", 1, { direction: "outbound", status: "pending", updatedAt: later(2) });
    expect(upsertMessage([failed], pendingAnswer)[0]?.status).toBe("failed");
    expect(upsertMessage([pendingAnswer], failed)[0]?.status).toBe("failed");
    expect(mergeNewestPage([failed], null, [pendingAnswer], null).messages[0]?.status).toBe("failed");
  });

  it("leaves a live change to a message older than the loaded page for 'load older'", () => {
    const loaded = [message("m5", 5), message("m6", 6)];
    expect(ids(applyLiveMessage(loaded, true, message("m1", 1, { status: "read" })))).toEqual(["m5", "m6"]);
    expect(ids(applyLiveMessage(loaded, false, message("m1", 1)))).toEqual(["m1", "m5", "m6"]);
    expect(ids(applyLiveMessage(loaded, true, message("m7", 7)))).toEqual(["m5", "m6", "m7"]);
  });

  it("shows an optimistic message until the server's copy with the same clientMessageId arrives", () => {
    const local: LocalMessage = { ...message("local-x", 9, { clientMessageId: "x", direction: "outbound", status: "pending" }), local: { error: null } };
    expect(ids(displayMessages([message("m1", 1)], [local]))).toEqual(["m1", "local-x"]);
    expect(ids(displayMessages([message("m1", 1), message("m9", 9, { clientMessageId: "x" })], [local]))).toEqual(["m1", "m9"]);
  });

  it("joins a reconnect's newest page to what was shown, or starts over when a gap would hide messages", () => {
    const shown = [message("m1", 1), message("m2", 2), message("m3", 3)];
    const joined = mergeNewestPage(shown, "older-than-m1", [message("m3", 3), message("m4", 4)], "older-than-m3");
    expect(ids(joined.messages)).toEqual(["m1", "m2", "m3", "m4"]);
    expect(joined.olderCursor).toBe("older-than-m1");
    const gap = mergeNewestPage(shown, "older-than-m1", [message("m8", 8), message("m9", 9)], "older-than-m8");
    expect(ids(gap.messages)).toEqual(["m8", "m9"]);
    expect(gap.olderCursor).toBe("older-than-m8");
  });

  it("makes RFC 4122 version 4 ids", () => {
    expect(newClientMessageId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("search names and cursors", () => {
  it("folds case, Vietnamese diacritics, đ and spacing", () => {
    expect(normalizeSearchName("  Nguyễn   ĐỨC  Hà ")).toBe("nguyen duc ha");
    expect(normalizeSearchName("Trần Thị Bình")).toBe("tran thi binh");
  });

  it("round-trips a cursor and refuses a malformed one", () => {
    const position = { at: new Date("2026-05-01T08:00:00.123Z"), id: "cabc" };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(() => decodeCursor("%%%")).toThrow(/cursor/);
  });
});
