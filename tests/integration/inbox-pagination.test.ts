// Keyset pagination of the conversation list and of a thread: paging to the end returns every row
// exactly once and in order — including rows sharing a timestamp — while new rows keep arriving.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CONVERSATION_PAGE_SIZE, listConversations } from "@/lib/inbox/list-conversations";
import { MESSAGE_PAGE_SIZE, listMessages } from "@/lib/inbox/list-messages";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createWorkspace } from "../support/assignment-fixtures";
import { addConversation, addMessages } from "../support/inbox-fixtures";

let admin: SessionUser;
let channelId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace());
  channelId = await createChannel(admin.workspaceId, admin.id, { name: "Shop Hoa Mai" });
});

const base = Date.parse("2026-05-01T08:00:00.000Z");

describe("conversation list pagination", () => {
  it("pages through every conversation once, in order, while new ones arrive on top", async () => {
    const seeded: { id: string; at: number }[] = [];
    for (let index = 0; index < 2 * CONVERSATION_PAGE_SIZE + 7; index++) {
      // Every third conversation shares its time with the previous one: the id breaks the tie.
      const at = base - Math.floor(index / 3) * 60_000;
      seeded.push({ id: await addConversation({ channelId, customer: `Khách ${index}`, lastMessageAt: new Date(at), assignee: admin }), at });
    }
    const expected = [...seeded].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1)).map((row) => row.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let arrivals = 0;
    do {
      const page = await listConversations(admin, { tab: "mine", cursor });
      expect(page.conversations.length).toBeLessThanOrEqual(CONVERSATION_PAGE_SIZE);
      seen.push(...page.conversations.map((conversation) => conversation.id));
      cursor = page.nextCursor ?? undefined;
      await addConversation({ channelId, customer: `Khách mới ${arrivals++}`, lastMessageAt: new Date(base + arrivals * 60_000), assignee: admin });
    } while (cursor);

    expect(seen).toEqual(expected);
  });

  it("refuses a cursor that was tampered with", async () => {
    await expect(listConversations(admin, { tab: "mine", cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(listConversations(admin, { tab: "mine", cursor: Buffer.from('["x",1]').toString("base64url") })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("refuses an unknown tab", async () => {
    await expect(listConversations(admin, { tab: "everything" as "all" })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("thread pagination", () => {
  it("loads older pages back to the first message, once each, while new messages arrive", async () => {
    const conversationId = await addConversation({ channelId, customer: "Nguyễn Văn An", lastMessageAt: new Date(base), assignee: admin });
    await addMessages(conversationId, MESSAGE_PAGE_SIZE + 5, { start: new Date(base - 3600_000) });
    // A burst within one millisecond (as a webhook batch can carry): only the id orders them.
    await addMessages(conversationId, MESSAGE_PAGE_SIZE, { start: new Date(base - 7200_000), sameTime: true, textPrefix: "Cùng lúc" });
    const expected = (await db().message.findMany({ where: { conversationId }, orderBy: [{ sentAt: "asc" }, { id: "desc" }], select: { id: true } })).map(
      (row) => row.id,
    );

    const pages: string[][] = [];
    let before: string | undefined;
    do {
      const page = await listMessages(admin, conversationId, { before });
      pages.push(page.messages.map((message) => message.id));
      before = page.nextCursor ?? undefined;
      await addMessages(conversationId, 2, { start: new Date(base + pages.length * 10_000), textPrefix: "Mới" });
    } while (before);

    // Pages come newest first; each page is oldest-first inside.
    expect(pages.reverse().flat()).toEqual(expected);
  });
});
