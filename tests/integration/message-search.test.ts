// Search in messages (issue 15): words typed without accents or in capitals, phone numbers however
// they were written, private notes, and never past what the searcher may see. The folded text is
// written by a database trigger and the query folded in TypeScript: the two are compared here.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listConversations } from "@/lib/inbox/list-conversations";
import { searchTextOf } from "@/lib/inbox/search-text";
import type { ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";

let admin: SessionUser;
let ha: SessionUser;
let minh: SessionUser;
let channelId: string;
let c: Record<string, string>;

const minutesAgo = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12) - minutes * 60_000);

async function addMessage(conversationId: string, text: string, options: { direction?: "inbound" | "outbound" | "note"; at?: Date } = {}): Promise<string> {
  const direction = options.direction ?? "inbound";
  const message = await db().message.create({
    data: {
      conversationId,
      channelId,
      direction,
      senderKind: direction === "inbound" ? "contact" : "agent",
      senderUserId: direction === "inbound" ? null : admin.id,
      status: direction === "inbound" ? "delivered" : "sent",
      text,
      sentAt: options.at ?? minutesAgo(30),
    },
    select: { id: true },
  });
  return message.id;
}

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace());
  [ha, minh] = (await createStaff(admin.workspaceId, 2)) as [SessionUser, SessionUser];
  channelId = await createChannel(admin.workspaceId, admin.id, { chatMode: "shared" });
  const conversation = (customer: string, minutes: number, assignee: SessionUser) =>
    addConversation({ channelId, customer, lastMessageAt: minutesAgo(minutes), assignee });
  c = {
    shipHa: await conversation("Nguyễn Văn An", 1, ha),
    shipMinh: await conversation("Trần Đức Bình", 2, minh),
    phoneInMessage: await conversation("Lê Thị Cúc", 3, ha),
    phoneOnCard: await conversation("Phạm Thu Dung", 4, ha),
    note: await conversation("Hoàng Minh Em", 5, ha),
    percent: await conversation("Vũ Gia Hân", 6, ha),
    lookalike: await conversation("Đỗ Quang Khải", 7, ha),
  };
  await addMessage(c.shipHa!, "Phí ship về Đà Nẵng bao nhiêu ạ?");
  await addMessage(c.shipHa!, "Dạ 30k ạ", { direction: "outbound", at: minutesAgo(20) });
  await addMessage(c.shipMinh!, "PHÍ SHIP nhanh không shop");
  await addMessage(c.phoneInMessage!, "sđt mình 0912.345.678 nhé");
  await db().contact.updateMany({ where: { name: "Phạm Thu Dung" }, data: { phone: "0987654321" } });
  await addMessage(c.note!, "Khách hẹn giao thứ 7, gọi trước 30 phút", { direction: "note" });
  await addMessage(c.percent!, "Giảm 50% cho đơn_đầu tiên");
  await addMessage(c.lookalike!, "Giảm 500 cho đơn đầu tiên");
});

async function found(user: SessionUser, q: string, tab: ConversationTab = user.role === "admin" ? "all" : "mine"): Promise<string[]> {
  return (await listConversations(user, { tab, q })).conversations.map((conversation) => conversation.id);
}

describe("the folded search text", () => {
  it("is the same whether the database trigger or searchTextOf writes it", async () => {
    const texts = [
      "Phí ship về Đà Nẵng bao nhiêu ạ?",
      "ĐƠN HÀNG ƯỚT   rồi\n\nshop ơi",
      "Phi\u0301 ship (NFD)",
      "sđt 0912 345 678 hoặc +84 912 345 678 hoặc 84912345678 hoặc 0912-345-678",
      "1.250.000đ, 84k, 849123456789, x84912345678",
      "a\u00a0b\u2003c\u3000d\u202fe\u2007f\ufeffg",
      "ΣΑΣ İstanbul Ǆ ẞ",
      "😀 Cảm ơn chị ❤️",
      "  \t ",
      "0912345678 0987654321",
    ];
    const ids = await Promise.all(texts.map((text) => addMessage(c.shipHa!, text)));
    const rows = await db().message.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, searchText: true } });
    for (const row of rows) expect(row.searchText ?? "", JSON.stringify(row.text)).toBe(searchTextOf(row.text!));
  });
});

describe("search in messages", () => {
  it("ignores Vietnamese accents and case, and tells which message matched", async () => {
    expect(await found(admin, "phi ship")).toEqual([c.shipHa, c.shipMinh]);
    expect(await found(admin, "PHÍ")).toEqual([c.shipHa, c.shipMinh]);
    expect(await found(admin, "  Phí   SHIP ")).toEqual([c.shipHa, c.shipMinh]);
    const [first] = (await listConversations(admin, { tab: "all", q: "phi ship" })).conversations;
    expect(first?.match?.snippet).toBe("Phí ship về Đà Nẵng bao nhiêu ạ?");
    expect(first?.match?.messageId).toBe((await db().message.findFirstOrThrow({ where: { text: { startsWith: "Phí ship về" } } })).id);
  });

  it("finds a phone number in a message however it is typed", async () => {
    for (const typed of ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345678", "345 678"]) {
      expect(await found(admin, typed), typed).toEqual([c.phoneInMessage]);
    }
  });

  it("finds the phone number on the customer card, with no message holding it", async () => {
    for (const typed of ["0987654321", "0987 654 321", "+84 987 654 321"]) {
      const [result, ...rest] = (await listConversations(ha, { tab: "mine", q: typed })).conversations;
      expect(rest).toEqual([]);
      expect(result?.id).toBe(c.phoneOnCard);
      expect(result?.match).toBeUndefined();
    }
  });

  it("never shows an agent a conversation she may not see, even when its message matches", async () => {
    expect(await found(ha, "phi ship")).toEqual([c.shipHa]);
    expect(await found(minh, "phi ship")).toEqual([c.shipMinh]);
    expect(await found(ha, "nhanh khong shop")).toEqual([]);
    expect(await found(admin, "nhanh khong shop")).toEqual([c.shipMinh]);
    // Within the tab too: closed conversations are not in "Của tôi".
    await db().conversation.update({ where: { id: c.shipHa }, data: { state: "closed" } });
    expect(await found(ha, "phi ship")).toEqual([]);
    expect(await found(ha, "phi ship", "done")).toEqual([c.shipHa]);
  });

  it("finds private notes for whoever may see the conversation", async () => {
    expect(await found(ha, "hen giao thu 7")).toEqual([c.note]);
    expect(await found(admin, "goi truoc 30 phut")).toEqual([c.note]);
    expect(await found(minh, "hen giao thu 7")).toEqual([]);
  });

  it("treats % and _ as the characters typed", async () => {
    expect(await found(admin, "50%")).toEqual([c.percent]);
    expect(await found(admin, "đơn_đầu")).toEqual([c.percent]);
    expect(await found(admin, "giam 50")).toEqual([c.percent, c.lookalike]);
  });

  it("searches messages for three characters or more, names for any", async () => {
    expect(await found(admin, "30k")).toEqual([c.shipHa]);
    expect(await found(admin, "30")).toEqual([]);
    expect(await found(admin, "em")).toEqual([c.note]);
  });
});

describe("paging through search results", () => {
  // 45 conversations hold "ship" (or are named for it); 6,000 more messages with "ship" make it a
  // common word, so the search walks the list instead of reading the trigram index: both ways must
  // page the same.
  async function pageAll(user: SessionUser, q: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(user, { tab: "all", q, cursor });
      ids.push(...page.conversations.map((conversation) => conversation.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it("returns every match once, newest first, for a rare and for a common word", async () => {
    const expected: string[] = [c.shipHa!, c.shipMinh!];
    for (let index = 0; index < 45; index++) {
      const named = index % 5 === 0;
      const id = await addConversation({ channelId, customer: named ? `Shipper ${index}` : `Khách ${index}`, lastMessageAt: minutesAgo(100 + index), assignee: admin });
      if (!named) await addMessage(id, index % 2 ? `Ship COD được không (${index})` : `Giá ship bao nhiêu (${index})`);
      if (index % 3 === 0) await addConversation({ channelId, customer: `Không liên quan ${index}`, lastMessageAt: minutesAgo(100 + index), assignee: admin });
      expected.push(id);
    }
    const rare = await pageAll(admin, "ship");
    expect(rare).toEqual(expected);

    await db().$executeRaw`
      INSERT INTO "Message"(id, "conversationId", "channelId", direction, "senderKind", text, status, "sentAt", "updatedAt")
      SELECT 'bulk' || n, ${c.shipMinh}, ${channelId}, 'inbound', 'contact', 'ship nhanh giúp em ' || n, 'delivered', now(), now()
      FROM generate_series(1, 6000) n`;
    await db().$executeRaw`ANALYZE "Message"`;
    const common = await pageAll(admin, "ship");
    expect(common).toEqual(expected);
    expect(new Set(common).size).toBe(common.length);
  });
});
