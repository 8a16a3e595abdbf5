// "Báo cáo" against real PostgreSQL: a small week of a shop in Asia/Ho_Chi_Minh (UTC+7) with working
// hours, driven through the app's own paths (customer messages through the receive path, close,
// reopen, reply timeout, notes) at chosen times, and every figure compared with one computed by hand.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { createRule } from "@/lib/assignment/save-rule";
import { closeConversation } from "@/lib/assignment/close-conversation";
import { reassignUnanswered } from "@/lib/assignment/reassign-unanswered";
import { addNote } from "@/lib/notes/add-note";
import { receiveMessage } from "@/lib/inbox/receive-message";
import { receivingChannelSelect } from "@/lib/inbox/receiving-channel";
import { readReport } from "@/lib/reports/read-report";
import { foldMessageCounts } from "@/lib/reports/fold-message-counts";
import { csvLines } from "@/lib/reports/csv";
import { updateWorkspaceSettings } from "@/lib/workspace/update-workspace-settings";
import { reportQuerySchema } from "@/lib/reports/report-query";
import * as reportRoute from "@/app/api/reports/route";
import * as agentsCsvRoute from "@/app/api/reports/agents.csv/route";
import * as conversationsCsvRoute from "@/app/api/reports/conversations.csv/route";
import { resetDatabase } from "../support/reset-database";
import { callRoute } from "../support/route-session";
import { parseRfc4180 } from "../support/rfc4180";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";

vi.mock("next/headers", async () => (await import("../support/route-session")).nextHeadersStub);

/** A wall-clock time of the shop (UTC+7, no summer time) as an instant. */
const local = (dateTime: string) => new Date(`${dateTime}+07:00`);

let admin: SessionUser;
let ha: SessionUser;
let minh: SessionUser;
let workspaceId: string;
let facebookPage: string;
let zaloOa: string;
const conversations: Record<string, string> = {};

/** Runs the app's own code as if the clock showed `at` (Prisma's @updatedAt included). */
async function at<T>(time: Date, action: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: time });
  try {
    return await action();
  } finally {
    vi.useRealTimers();
  }
}

async function customerWrites(channelId: string, customer: string, time: Date): Promise<string> {
  const channel = await db().channel.findUniqueOrThrow({ where: { id: channelId }, select: receivingChannelSelect });
  await db().contact.upsert({
    where: { channelId_platformUserId: { channelId, platformUserId: customer } },
    create: { channelId, platformUserId: customer, name: customer, profileFetchedAt: new Date() },
    update: {},
  });
  await receiveMessage(channel, {
    kind: "message",
    channelExternalId: channel.externalId,
    contactPlatformId: customer,
    platformMessageId: `m_${randomUUID()}`,
    at: time,
    text: "Shop ơi còn hàng không ạ",
    attachments: [],
    quickReplyPayload: null,
    replyToPlatformMessageId: null,
  });
  const conversation = await db().conversation.findFirstOrThrow({ where: { channelId, contact: { platformUserId: customer } }, select: { id: true } });
  return conversation.id;
}

/** What sending a reply stores (lib/inbox/send-reply.ts), at a chosen time; delivery is not the point here. */
async function agentReplies(agent: SessionUser, conversationId: string, time: Date): Promise<void> {
  await at(time, () =>
    db().$transaction(async (tx) => {
      const { channelId } = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { channelId: true } });
      await tx.message.create({
        data: { conversationId, channelId, direction: "outbound", senderKind: "agent", senderUserId: agent.id, text: "Dạ còn ạ", status: "sent", sentAt: time },
      });
      await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: time, unreadCount: 0, awaitingReplySince: null, repliesSinceInbound: { increment: 1 } } });
    }),
  );
}

const assigneeOf = async (id: string) => (await db().conversation.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

const report = (query: Record<string, string>) => readReport(admin, reportQuerySchema.parse({ from: "2026-11-02", to: "2026-11-08", ...query }));

afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  [ha, minh] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
  await db().user.update({ where: { id: ha.id }, data: { name: "Nguyễn Thu Hà" } });
  await db().user.update({ where: { id: minh.id }, data: { name: "Trần Văn Minh" } });
  await db().workspace.update({
    where: { id: workspaceId },
    data: {
      timeZone: "Asia/Ho_Chi_Minh",
      workingHours: {
        mon: { opens: "08:00", closes: "17:00" },
        tue: { opens: "08:00", closes: "17:00" },
        wed: { opens: "08:00", closes: "17:00" },
        thu: { opens: "08:00", closes: "17:00" },
        fri: { opens: "08:00", closes: "17:00" },
      },
    },
  });
  facebookPage = await createChannel(workspaceId, admin.id, { name: "Trang A" });
  zaloOa = await createChannel(workspaceId, admin.id, { name: "OA B", platform: "zalo" });
  await createRule(admin, {
    name: "Bán hàng",
    sourceChannelIds: [facebookPage, zaloOa],
    memberEmails: [ha.email, minh.email],
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
    reassignAfterMinutes: 30,
  });

  // C1, Hà: Monday 09:00 the customer writes; the admin's note at 09:05 is no reply; Hà answers
  // at 09:10 (first response 10 min) and again at 09:25 after another question; closed at 10:00.
  conversations.c1 = await customerWrites(facebookPage, "Lê Thị Hồng", local("2026-11-02T09:00:00"));
  // C2, Minh: the Zalo customer writes at 00:30 on Monday — still Sunday in UTC — and Minh answers
  // at 08:15: 15 minutes of working hours (7 h 45 min of wall time).
  conversations.c2 = await customerWrites(zaloOa, "Phạm Quốc Bảo", local("2026-11-02T00:30:00"));
  expect(await assigneeOf(conversations.c1)).toBe(ha.id);
  expect(await assigneeOf(conversations.c2)).toBe(minh.id);

  await at(local("2026-11-02T09:05:00"), () => addNote(admin, conversations.c1!, { clientMessageId: randomUUID(), text: "Khách quen, ưu tiên nhé", mentionedUserIds: [] }));
  await agentReplies(ha, conversations.c1, local("2026-11-02T09:10:00"));
  await customerWrites(facebookPage, "Lê Thị Hồng", local("2026-11-02T09:20:00"));
  await agentReplies(ha, conversations.c1, local("2026-11-02T09:25:00"));
  await at(local("2026-11-02T10:00:00"), () => closeConversation(ha, conversations.c1!));
  await agentReplies(minh, conversations.c2, local("2026-11-02T08:15:00"));

  // C1 again: the customer writes on Tuesday at 16:50 and reopens it (Hà keeps it); Hà answers on
  // Wednesday at 08:20 — 10 + 20 = 30 min of working hours — and closes at 09:00 (start to close:
  // 10 + 60 = 70 min of working hours).
  await customerWrites(facebookPage, "Lê Thị Hồng", local("2026-11-03T16:50:00"));
  expect(await assigneeOf(conversations.c1)).toBe(ha.id);
  await agentReplies(ha, conversations.c1, local("2026-11-04T08:20:00"));
  await at(local("2026-11-04T09:00:00"), () => closeConversation(ha, conversations.c1!));

  // C4: Thursday 10:00, goes to Hà, who does not answer; at 10:31 the reply timeout hands it to
  // Minh, who answers at 10:40 (first response 40 min, Minh's).
  conversations.c4 = await customerWrites(facebookPage, "Võ Thanh Thảo", local("2026-11-05T10:00:00"));
  expect(await assigneeOf(conversations.c4)).toBe(ha.id);
  await at(local("2026-11-05T10:31:00"), () => reassignUnanswered(local("2026-11-05T10:31:00")));
  expect(await assigneeOf(conversations.c4)).toBe(minh.id);
  await agentReplies(minh, conversations.c4, local("2026-11-05T10:40:00"));

  // C3: Monday 9 November 06:30 in the shop — Sunday 8 November 23:30 in UTC — outside the range;
  // Hà has it (the rotation's next after the timeout) and has not answered yet.
  conversations.c3 = await customerWrites(facebookPage, "Đỗ Minh Châu", local("2026-11-09T06:30:00"));
  expect(await assigneeOf(conversations.c3)).toBe(ha.id);
}, 60_000);

describe("the report of a week", () => {
  it("counts on the shop's clock and working hours, with reopened episodes, timeouts and notes as they should", async () => {
    const { totals, range } = await report({});
    expect(range).toEqual({ from: "2026-11-02", to: "2026-11-08", timeZone: "Asia/Ho_Chi_Minh", workingHoursSet: true });
    expect(totals).toEqual({
      newConversations: 3, // C1, C2, C4 (C1's reopening is not new; C3 is the 9th)
      customerMessages: 5, // C1 ×3, C2, C4
      agentReplies: 5, // Hà ×3, Minh ×2; the note is not a reply
      // 600 (C1), 1800 (C1 reopened), 900 (C2), 2400 (C4): median 1350, p90 1800 + 0.7 × 600
      firstResponse: { median: 1350, p90: 2220 },
      // C1: 3600, then 4200: median 3900, p90 3600 + 0.9 × 600
      resolution: { median: 3900, p90: 4140 },
      reassignedForNoAnswer: 1,
      unansweredNow: 1, // C3
    });
  });

  it("draws the volume per day and platform and the heat map on the shop's dates", async () => {
    const { volumeByDay, heatMap } = await report({});
    expect(volumeByDay).toEqual([
      { date: "2026-11-02", facebook: 2, zalo: 1 },
      { date: "2026-11-03", facebook: 1, zalo: 0 },
      { date: "2026-11-04", facebook: 0, zalo: 0 },
      { date: "2026-11-05", facebook: 1, zalo: 0 },
      { date: "2026-11-06", facebook: 0, zalo: 0 },
      { date: "2026-11-07", facebook: 0, zalo: 0 },
      { date: "2026-11-08", facebook: 0, zalo: 0 },
    ]);
    const cells = heatMap.flatMap((hours, weekday) => hours.flatMap((count, hour) => (count ? [[weekday, hour, count]] : [])));
    expect(cells).toEqual([
      [0, 0, 1], // Monday 00:30 (C2)
      [0, 9, 2], // Monday 09:00 and 09:20 (C1)
      [1, 16, 1], // Tuesday 16:50 (C1)
      [3, 10, 1], // Thursday 10:00 (C4)
    ]);
  });

  it("gives each agent their conversations, replies, first responses, closes and open conversations", async () => {
    const { agents } = await report({});
    const row = (id: string) => agents.find((agent) => agent.id === id);
    // Hà: C1's two episodes (C4 went to Minh); first responses 600 and 1800.
    // C3, from the 9th, is hers now: open, not handled in the range.
    expect(row(ha.id)).toMatchObject({ name: "Nguyễn Thu Hà", conversationsHandled: 2, replies: 3, firstResponseMedian: 1200, firstResponseP90: 1680, closed: 2, openNow: 1 });
    // Minh: C2 and C4; first responses 900 and 2400; both still open.
    expect(row(minh.id)).toMatchObject({ name: "Trần Văn Minh", conversationsHandled: 2, replies: 2, firstResponseMedian: 1650, firstResponseP90: 2250, closed: 0, openNow: 2 });
  });

  it("narrows by platform, page, rule and agent", async () => {
    expect((await report({ platform: "zalo" })).totals).toMatchObject({ newConversations: 1, customerMessages: 1, agentReplies: 1, firstResponse: { median: 900, p90: 900 } });
    expect((await report({ channelId: facebookPage })).totals).toMatchObject({ newConversations: 2, customerMessages: 4, agentReplies: 4 });
    const byHa = await report({ agentId: ha.id });
    // Customer messages stay the pages' own; replies and episodes are Hà's.
    expect(byHa.totals).toMatchObject({ customerMessages: 5, agentReplies: 3, newConversations: 1, firstResponse: { median: 1200, p90: 1680 }, resolution: { median: 3900, p90: 4140 }, unansweredNow: 1 });
    expect(byHa.agents.map((agent) => agent.id)).toEqual([ha.id]);
    const rule = await db().assignmentRule.findFirstOrThrow({ where: { workspaceId }, select: { id: true } });
    expect((await report({ ruleId: rule.id })).totals.customerMessages).toBe(5);
  });

  it("moves a day's figures with the range: the 9th holds C3 alone", async () => {
    const { totals, volumeByDay } = await report({ from: "2026-11-09", to: "2026-11-09" });
    expect(totals).toMatchObject({ newConversations: 1, customerMessages: 1, agentReplies: 0, firstResponse: { median: null, p90: null } });
    expect(volumeByDay).toEqual([{ date: "2026-11-09", facebook: 1, zalo: 0 }]);
  });

  it("counts wall time when the shop has not set working hours", async () => {
    const figures = await db().conversationEpisode.findFirstOrThrow({ where: { conversationId: conversations.c2 }, select: { firstResponseSeconds: true } });
    expect(figures.firstResponseSeconds).toBe(900);
    const seconds = await db().$queryRaw<{ wall: number }[]>`
      SELECT "report_working_seconds"(${local("2026-11-02T00:30:00")}::timestamptz AT TIME ZONE 'UTC', ${local("2026-11-02T08:15:00")}::timestamptz AT TIME ZONE 'UTC', 'Asia/Ho_Chi_Minh', '{}'::jsonb) AS wall`;
    expect(seconds[0]!.wall).toBe(27_900);
  });

  it("refuses a filter that names something the workspace does not have, and a reversed range", async () => {
    await expect(report({ channelId: "nope" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { channelId: ["unknown_channel"] } });
    await expect(report({ agentId: "nope" })).rejects.toMatchObject({ fieldErrors: { agentId: ["unknown_agent"] } });
    expect(() => reportQuerySchema.parse({ from: "2026-11-08", to: "2026-11-02" })).toThrow("range_reversed");
    expect(() => reportQuerySchema.parse({ from: "2026-02-30", to: "2026-03-02" })).toThrow("date_invalid");
  });
});

describe("the report's API and CSV exports", () => {
  const week = "?from=2026-11-02&to=2026-11-08";

  it("answers an admin, and refuses an agent and a malformed query", async () => {
    const answer = await callRoute(admin, reportRoute.GET, { search: week });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ report: { totals: { customerMessages: 5 } }, options: { rules: [{ name: "Bán hàng" }] } });
    expect((await callRoute(ha, reportRoute.GET, { search: week })).status).toBe(403);
    expect((await callRoute(ha, conversationsCsvRoute.GET, { search: week })).status).toBe(403);
    expect(await callRoute(admin, reportRoute.GET, { search: "?from=2026-11-08&to=2026-11-02" })).toMatchObject({
      status: 400,
      body: { error: { fieldErrors: { to: ["range_reversed"] } } },
    });
    expect(await callRoute(admin, agentsCsvRoute.GET, { search: `${week}&channelId=${"x".repeat(65)}` })).toMatchObject({ status: 400 });
    expect(await callRoute(admin, conversationsCsvRoute.GET, { search: `${week}&agentId=nobody` })).toMatchObject({
      status: 400,
      body: { error: { fieldErrors: { agentId: ["unknown_agent"] } } },
    });
  });

  it("exports the agents' table and the week's conversations as RFC 4180 UTF-8 with a byte-order mark", async () => {
    const agents = (await callRoute(admin, agentsCsvRoute.GET, { search: week })).body as string;
    expect(agents.startsWith("\uFEFF")).toBe(true);
    const agentRecords = parseRfc4180(agents.slice(1));
    expect(agentRecords[0]![0]).toBe("Nhân viên");
    expect(agentRecords).toContainEqual(["Nguyễn Thu Hà", "Có", "2", "3", "1200", "1680", "2", "1"]);

    const list = (await callRoute(admin, conversationsCsvRoute.GET, { search: week })).body as string;
    expect(list.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = parseRfc4180(list.slice(1));
    expect(header).toHaveLength(14);
    // C2, C1, C1 reopened, C4: by start on the shop's clock.
    expect(records.map((record) => [record[1], record[2], record[5], record[6]])).toEqual([
      ["Phạm Quốc Bảo", "Zalo", "2026-11-02 00:30:00", "Không"],
      ["Lê Thị Hồng", "Facebook", "2026-11-02 09:00:00", "Không"],
      ["Lê Thị Hồng", "Facebook", "2026-11-03 16:50:00", "Có"],
      ["Võ Thanh Thảo", "Facebook", "2026-11-05 10:00:00", "Không"],
    ]);
    expect(records[3]).toEqual([
      conversations.c4, "Võ Thanh Thảo", "Facebook", "Trang A", "Trần Văn Minh", "2026-11-05 10:00:00", "Không",
      "2026-11-05 10:00:00", "2026-11-05 10:40:00", "Trần Văn Minh", "2400", "", "", "1",
    ]);
  });

  it("keeps a spreadsheet from reading a customer's name as a formula", async () => {
    await db().contact.updateMany({ where: { name: "Võ Thanh Thảo" }, data: { name: '=HYPERLINK("x", "Thảo, VIP")' } });
    const list = (await callRoute(admin, conversationsCsvRoute.GET, { search: week })).body as string;
    expect(parseRfc4180(list.slice(1))[4]![1]).toBe(`'=HYPERLINK("x", "Thảo, VIP")`);
    await db().contact.updateMany({ where: { name: '=HYPERLINK("x", "Thảo, VIP")' }, data: { name: "Võ Thanh Thảo" } });
  });

  it("quotes every field as RFC 4180 asks, the app's own lines and the database's alike", async () => {
    const fields = ["plain", 'say "hi"', "a,b", "two\nlines", "-5", -5, 1.5, "-x", "+84 912", "@home", "\tTab", null, ""];
    const text = await csvLines([fields]);
    expect(text).toBe(`plain,"say ""hi""","a,b","two\nlines",-5,-5,1.5,'-x,'+84 912,'@home,'\tTab,,\r\n`);
    expect(parseRfc4180(text)).toEqual([["plain", 'say "hi"', "a,b", "two\nlines", "-5", "-5", "1.5", "'-x", "'+84 912", "'@home", "'\tTab", "", ""]]);
    expect(await csvLines([["Thảo", "Hà"], ["Lan", null], ["Minh", 3]])).toBe("Thảo,Hà\r\nLan,\r\nMinh,3\r\n");
    expect(await csvLines([])).toBe("");
  });
});

describe("the hourly counts behind the report", () => {
  const countRows = () =>
    db().reportMessageCount.findMany({ where: { workspaceId }, select: { localHour: true, channelId: true, agentId: true, customerMessages: true, agentReplies: true, folded: true, timeZone: true } });

  it("fold into one row per hour and page (replies: per day, page and agent) while customers keep writing, without losing or doubling a message", async () => {
    const pageOf = (customer: number) => (customer % 2 ? facebookPage : zaloOa);
    for (let customer = 0; customer < 8; customer++) await customerWrites(pageOf(customer), `Khách ${customer}`, local("2026-11-10T09:00:00"));
    const before = (await report({ from: "2026-11-10", to: "2026-11-10" })).totals.customerMessages;
    const writers = Array.from({ length: 40 }, (_, index) =>
      customerWrites(pageOf(index % 8), `Khách ${index % 8}`, local(`2026-11-10T1${index % 3}:0${index % 6}:00`)),
    );
    const rounds = Array.from({ length: 6 }, () => foldMessageCounts());
    await Promise.all([...writers, ...rounds]);
    await foldMessageCounts();

    expect((await report({ from: "2026-11-10", to: "2026-11-10" })).totals.customerMessages).toBe(before + 40);
    const rows = await countRows();
    expect(rows.every((row) => row.folded)).toBe(true);
    const groups = new Set(rows.map((row) => `${row.timeZone} ${row.localHour.toISOString()} ${row.channelId} ${row.agentId}`));
    expect(groups.size).toBe(rows.length);
    const stored = await db().message.count({ where: { channel: { workspaceId }, direction: "inbound" } });
    expect(rows.reduce((total, row) => total + row.customerMessages, 0)).toBe(stored);
    // Replies are kept per day (the report sums them per agent over whole days), one row each.
    const replyRows = rows.filter((row) => row.agentId !== null);
    expect(replyRows.length).toBeGreaterThan(0);
    expect(replyRows.every((row) => row.localHour.toISOString().endsWith("T00:00:00.000Z"))).toBe(true);
    const replies = await db().message.count({ where: { channel: { workspaceId }, direction: "outbound", senderKind: "agent" } });
    expect(replyRows.reduce((total, row) => total + row.agentReplies, 0)).toBe(replies);
  });

  it("are recounted on the new clock when the shop changes its time zone", async () => {
    const settings = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, workingHours: true, staffMayConnectOwnPages: true } });
    const save = (timeZone: string) =>
      updateWorkspaceSettings(admin, { ...settings, workingHours: settings.workingHours as Record<string, { opens: string; closes: string }>, timeZone });
    await save("Asia/Tokyo");
    const { heatMap, volumeByDay } = await report({});
    // Two hours later on Tokyo's clock: C2's 00:30 is 02:30, C1's 09:00 and 09:20 are 11:00 and 11:20.
    expect(heatMap[0]![2]).toBe(1);
    expect(heatMap[0]![11]).toBe(2);
    expect(heatMap[0]![9]).toBe(0);
    expect(volumeByDay[0]).toEqual({ date: "2026-11-02", facebook: 2, zalo: 1 });
    expect((await countRows()).every((row) => row.timeZone === "Asia/Tokyo")).toBe(true);
    await save("Asia/Ho_Chi_Minh");
    expect((await report({})).heatMap[0]![9]).toBe(2);
  });
});
