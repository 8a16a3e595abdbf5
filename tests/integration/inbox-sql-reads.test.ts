// The inbox's hot reads written as SQL (read-conversation-rows.ts, read-message-page.ts) against
// the Prisma selections that publications and single reads still use: for the same rows both must
// give the browser the same thing, field for field, including labels in the order they were put on,
// quotes, reactions (removed ones hidden), mentions, attachments, postbacks and times to the ms.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationSummarySelect, messageDtoSelect, toMessageDto } from "@/lib/inbox/inbox-dto";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import { readConversationRows } from "@/lib/inbox/read-conversation-rows";
import { readMessagePage } from "@/lib/inbox/read-message-page";
import { listMessages } from "@/lib/inbox/list-messages";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";

let admin: SessionUser;
let ha: SessionUser;
let conversations: { labelled: string; unassigned: string; zalo: string };
const anHourAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000 + 456);

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace("Shop Hoa Mai"));
  [ha] = (await createStaff(admin.workspaceId, 1)) as [SessionUser];
  const facebook = await createChannel(admin.workspaceId, admin.id, { name: "Hoa Mai Facebook" });
  const zalo = await createChannel(admin.workspaceId, admin.id, { name: "Hoa Mai Zalo", platform: "zalo" });
  conversations = {
    labelled: await addConversation({ channelId: facebook, customer: "Nguyễn Thu Hà", lastMessageAt: new Date("2026-06-01T08:00:00.123Z"), assignee: ha, unreadCount: 3 }),
    unassigned: await addConversation({ channelId: facebook, customer: null, lastMessageAt: new Date("2026-06-01T07:00:00.000Z") }),
    // Written to an hour ago: Zalo's free replies (8 per customer message) are counted from it.
    zalo: await addConversation({ channelId: zalo, customer: "Lê Thị Cúc", lastMessageAt: anHourAgo, assignee: admin }),
  };
  await db().conversation.update({ where: { id: conversations.zalo }, data: { repliesSinceInbound: 5 } });
  const [first, second] = await Promise.all(
    ["Đã chốt đơn", "Hỏi giá"].map((name, index) => db().label.create({ data: { workspaceId: admin.workspaceId, name, nameKey: `k${index}`, color: "green" } })),
  );
  // Put on in the opposite order of creation: the list shows them as they were put on.
  await db().conversationLabel.create({ data: { conversationId: conversations.labelled, labelId: second!.id, addedAt: new Date("2026-06-01T08:00:01Z") } });
  await db().conversationLabel.create({ data: { conversationId: conversations.labelled, labelId: first!.id, addedAt: new Date("2026-06-01T08:00:02Z") } });
});

describe("a page of the conversation list read as SQL", () => {
  it("equals Prisma's summary of the same conversations, in the order asked, without ids that are gone", async () => {
    const order = [conversations.zalo, "gone-conversation-id", conversations.labelled, conversations.unassigned];
    const viaSql = (await readConversationRows(order)).map(toConversationSummary);
    const viaPrisma = await Promise.all(
      [conversations.zalo, conversations.labelled, conversations.unassigned].map(async (id) =>
        toConversationSummary(await db().conversation.findUniqueOrThrow({ where: { id }, select: conversationSummarySelect })),
      ),
    );
    expect(viaSql).toEqual(viaPrisma);
    expect(viaSql.map((summary) => summary.labels.map((label) => label.name))).toEqual([[], ["Hỏi giá", "Đã chốt đơn"], []]);
    expect(viaSql[0]!.lastMessageAt).toBe(anHourAgo.toISOString());
    expect(viaSql[0]!.replyWindow.phases[0]!.repliesAllowed).toBe(3);
    expect(viaSql[2]!.assignee).toBeNull();
  });
});

describe("a page of a thread read as SQL", () => {
  it("equals Prisma's messages, with quotes, reactions, mentions, attachments and postbacks", async () => {
    const conversationId = conversations.labelled;
    const channelId = (await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).channelId;
    const base = { conversationId, channelId };
    const question = await db().message.create({
      data: {
        ...base,
        direction: "inbound",
        senderKind: "contact",
        status: "delivered",
        text: "Áo này còn size M không?",
        attachments: [{ type: "image", url: "https://cdn.example/ao.jpg" }],
        platformMessageId: "mid.question",
        sentAt: new Date("2026-06-01T08:00:00.001Z"),
      },
    });
    await db().messageReaction.createMany({
      data: [
        { messageId: question.id, actorPlatformId: "page-1", reaction: "love", emoji: "❤", createdAt: new Date("2026-06-01T08:00:03Z") },
        { messageId: question.id, actorPlatformId: "psid-1", reaction: "like", emoji: null, removed: true, createdAt: new Date("2026-06-01T08:00:04Z") },
      ],
    });
    await db().message.create({
      data: {
        ...base,
        direction: "outbound",
        senderKind: "agent",
        senderUserId: ha.id,
        status: "failed",
        failureReason: "Ngoài thời hạn 24 giờ",
        failureCode: "outside_window",
        text: "Dạ còn ạ",
        replyToPlatformMessageId: "mid.question",
        quotedMessageId: question.id,
        clientMessageId: "client-1",
        sentAt: new Date("2026-06-01T08:00:05.500Z"),
      },
    });
    await db().message.create({
      data: {
        ...base,
        direction: "note",
        senderKind: "agent",
        senderUserId: admin.id,
        status: "sent",
        text: "@Hà nhớ gửi ảnh",
        mentions: { create: [{ userId: ha.id }] },
        sentAt: new Date("2026-06-01T08:00:06Z"),
      },
    });
    await db().message.create({
      data: { ...base, direction: "inbound", senderKind: "contact", status: "delivered", postback: { title: "Mua ngay", payload: "BUY" }, sentAt: new Date("2026-06-01T08:00:07Z") },
    });

    const viaPrisma = await db().message.findMany({ where: { conversationId }, orderBy: [{ sentAt: "desc" }, { id: "asc" }], select: messageDtoSelect });
    const viaSql = await readMessagePage(conversationId, 10);
    expect(viaSql.map(toMessageDto)).toEqual(viaPrisma.map(toMessageDto));
    expect(viaSql).toHaveLength(4);

    const [, older] = viaSql;
    const olderPage = await readMessagePage(conversationId, 10, { at: older!.sentAt, id: older!.id });
    expect(olderPage.map((message) => message.text)).toEqual(["Dạ còn ạ", "Áo này còn size M không?"]);

    const page = await listMessages(admin, conversationId, {});
    const answer = page.messages.find((message) => message.text === "Dạ còn ạ")!;
    expect(answer.quoted).toEqual({ id: question.id, direction: "inbound", text: "Áo này còn size M không?", attachmentType: "image" });
    expect(answer.sender).toEqual({ id: ha.id, name: ha.name });
    expect(page.messages[0]!.reactions).toEqual([{ actorPlatformId: "page-1", reaction: "love", emoji: "❤" }]);
    expect(page.messages.find((message) => message.direction === "note")!.mentions).toEqual([{ id: ha.id, name: ha.name }]);
  });
});
