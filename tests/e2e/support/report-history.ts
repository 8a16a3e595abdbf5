// Weeks of a shop's past for "Báo cáo", written with SQL into the e2e database as the app would have
// left them: conversations, customers' messages and staff replies at chosen times of the shop's
// clock. The database's triggers turn them into episodes and hourly counts, as for any writer. Two
// channels of their own (a fanpage and an OA, disconnected, so no background check touches them)
// in a rule of their own: the report filtered by that rule holds exactly this history, whatever
// other specs did today. `removeReportHistory` takes it all away again.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { withE2eDatabase } from "./e2e-database";

/** The shop's wall-clock time ("2026-12-01 09:00") as the UTC text of Prisma's timestamp columns. */
function utcOfLocal(local: string, timeZone: string): string {
  const naive = new Date(`${local.replace(" ", "T")}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(naive)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const offset =
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) -
    naive.getTime();
  return new Date(naive.getTime() - offset).toISOString().replace("T", " ").slice(0, 19);
}

/** The shop's date `days` before today (its "today" when 0). */
export function shopDate(timeZone: string, daysAgo = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysAgo);
  return date.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday, as the report's heat map counts. */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

interface Conversation {
  platform: "facebook" | "zalo";
  customer: string;
  daysAgo: number;
  /** The customer's messages, "HH:MM" on that day. */
  writes: string[];
  /** Replies, "HH:MM" and who wrote them; the first one answers the customer. */
  replies?: { at: string; by: "ha" | "minh" }[];
  assignee: "ha" | "minh";
  /** "Chia lại nếu không trả lời": handed from the assignee to the other one at "HH:MM". */
  timeoutTo?: { at: string; to: "ha" | "minh" };
  closedAt?: string;
}

/**
 * Inside the last 7 days: 4 conversations, 7 customer messages (Facebook 2 + 1, Zalo 3 + 1), 4
 * replies; first responses 4, 10 and 30 minutes; closes after 30 and 60 minutes; one handed on for
 * no answer and still waiting. 8 to 29 days ago: 2 more conversations, 3 customer messages, 2
 * replies (first responses 2 and 5 minutes; closes after 15 and 60 minutes).
 */
export const history: Conversation[] = [
  {
    platform: "facebook",
    customer: "Nguyễn Văn Khải",
    daysAgo: 1,
    writes: ["09:00", "09:02"],
    replies: [{ at: "09:04", by: "ha" }],
    assignee: "ha",
    closedAt: "09:30",
  },
  {
    platform: "facebook",
    customer: "Phạm Thị Hoa",
    daysAgo: 2,
    writes: ["14:00"],
    replies: [
      { at: "14:10", by: "ha" },
      { at: "14:20", by: "ha" },
    ],
    assignee: "ha",
    closedAt: "15:00",
  },
  // A name with a quote and a comma: the CSV must quote it and give it back whole.
  {
    platform: "zalo",
    customer: 'Lê "Bống" Thảo, Q.7',
    daysAgo: 3,
    writes: ["20:00", "20:01", "20:05"],
    replies: [{ at: "20:30", by: "minh" }],
    assignee: "minh",
  },
  {
    platform: "zalo",
    customer: "Võ Minh Tâm",
    daysAgo: 2,
    writes: ["10:00"],
    assignee: "ha",
    timeoutTo: { at: "10:30", to: "minh" },
  },
  {
    platform: "facebook",
    customer: "Hoàng Anh Thư",
    daysAgo: 10,
    writes: ["08:00"],
    replies: [{ at: "08:02", by: "ha" }],
    assignee: "ha",
    closedAt: "08:15",
  },
  {
    platform: "zalo",
    customer: "Đặng Quốc Việt",
    daysAgo: 20,
    writes: ["16:00", "16:01"],
    replies: [{ at: "16:05", by: "minh" }],
    assignee: "minh",
    closedAt: "17:00",
  },
];

export interface ReportHistory {
  ruleName: string;
  ruleId: string;
  timeZone: string;
  channelIds: string[];
}

export async function writeReportHistory(): Promise<ReportHistory> {
  return withE2eDatabase(async (client) => {
    const run = randomUUID().slice(0, 6);
    const {
      rows: [shop],
    } = await client.query<{ workspaceId: string; timeZone: string; workingHours: unknown; adminId: string }>(
      `SELECT w.id AS "workspaceId", w."timeZone", w."workingHours", u.id AS "adminId"
       FROM "User" u JOIN "Workspace" w ON w.id = u."workspaceId" WHERE u.email = 'admin@demo.vn'`,
    );
    if (!shop) throw new Error("No demo workspace");
    const { rows: staff } = await client.query<{ id: string; email: string }>(
      `SELECT id, email FROM "User" WHERE email IN ('ha@demo.vn', 'minh@demo.vn')`,
    );
    const userId = {
      ha: staff.find((user) => user.email === "ha@demo.vn")!.id,
      minh: staff.find((user) => user.email === "minh@demo.vn")!.id,
    };
    const at = (daysAgo: number, time: string) =>
      utcOfLocal(`${shopDate(shop.timeZone, daysAgo)} ${time}`, shop.timeZone);

    const channelIds = { facebook: `rpt_fb_${run}`, zalo: `rpt_zl_${run}` };
    const ruleId = `rpt_rule_${run}`;
    // Rule names are unique per shop; the database is new for every run of the suite.
    const ruleName = "Bán hàng online";
    await client.query("BEGIN");
    try {
      // Times are counted on the wall clock while the history is written, whatever hours an earlier
      // spec gave the shop; its hours are put back before anyone else reads them.
      await client.query(`UPDATE "Workspace" SET "workingHours" = '{}' WHERE id = $1`, [shop.workspaceId]);
      for (const [platform, id] of Object.entries(channelIds)) {
        await client.query(
          `INSERT INTO "Channel"(id, "workspaceId", platform, "externalId", name, status, "accessTokenEnc", "chatMode", "connectedById", "disconnectedAt", "updatedAt")
           VALUES ($1, $2, $3::"Platform", $4, $5, 'disconnected', 'none', 'shared', $6, now(), now())`,
          [
            id,
            shop.workspaceId,
            platform,
            `report-history-${id}`,
            platform === "facebook" ? "Shop Hoa Sen" : "Hoa Sen Zalo OA",
            shop.adminId,
          ],
        );
      }
      await client.query(
        `INSERT INTO "AssignmentRule"(id, "workspaceId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
        [ruleId, shop.workspaceId, ruleName],
      );
      await client.query(`INSERT INTO "RuleSource"("ruleId", "channelId") VALUES ($1, $2), ($1, $3)`, [
        ruleId,
        channelIds.facebook,
        channelIds.zalo,
      ]);
      for (const [index, item] of history.entries()) {
        await writeConversation(client, {
          ...item,
          index,
          run,
          workspaceId: shop.workspaceId,
          channelId: channelIds[item.platform],
          ruleId,
          userId,
          at,
        });
      }
      await client.query(`UPDATE "Workspace" SET "workingHours" = $2 WHERE id = $1`, [
        shop.workspaceId,
        JSON.stringify(shop.workingHours),
      ]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return { ruleName, ruleId, timeZone: shop.timeZone, channelIds: Object.values(channelIds) };
  });
}

/** In the order the app writes them: the conversation, the customer's messages, each reply, the close. */
async function writeConversation(
  client: pg.Client,
  item: Conversation & {
    index: number;
    run: string;
    workspaceId: string;
    channelId: string;
    ruleId: string;
    userId: Record<"ha" | "minh", string>;
    at: (daysAgo: number, time: string) => string;
  },
): Promise<void> {
  const time = (clock: string) => item.at(item.daysAgo, clock);
  const id = `rpt_c${item.index}_${item.run}`;
  const contactId = `rpt_k${item.index}_${item.run}`;
  const first = time(item.writes[0]!);
  const last = time(item.writes[item.writes.length - 1]!);
  await client.query(
    `INSERT INTO "Contact"(id, "channelId", "platformUserId", name) VALUES ($1, $2, $3, $4)`,
    [contactId, item.channelId, `customer-${contactId}`, item.customer],
  );
  await client.query(
    `INSERT INTO "Conversation"(id, "workspaceId", "channelId", "contactId", "ruleId", "assigneeId", state, "lastInboundAt", "lastMessageAt",
       "lastMessagePreview", "awaitingReplySince", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'assigned', $7::timestamp, $7::timestamp, 'Shop ơi còn hàng không ạ', $8::timestamp, $8::timestamp, $8::timestamp)`,
    [id, item.workspaceId, item.channelId, contactId, item.ruleId, item.userId[item.assignee], last, first],
  );
  const message = (direction: "inbound" | "outbound", sentAt: string, senderUserId: string | null) =>
    client.query(
      `INSERT INTO "Message"("conversationId", "channelId", direction, "senderKind", "senderUserId", text, status, "platformMessageId", "sentAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3::"MessageDirection", $4::"SenderKind", $5, $6, 'sent', $7, $8::timestamp, $8::timestamp, $8::timestamp)`,
      [
        id,
        item.channelId,
        direction,
        direction === "inbound" ? "contact" : "agent",
        senderUserId,
        direction === "inbound" ? "Shop ơi còn hàng không ạ" : "Dạ còn ạ",
        `m_${randomUUID()}`,
        sentAt,
      ],
    );
  for (const clock of item.writes) await message("inbound", time(clock), null);
  if (item.timeoutTo) {
    await client.query(
      `UPDATE "Conversation" SET "assigneeId" = $2, "timeoutReassignedAt" = $3::timestamp, "updatedAt" = $3::timestamp WHERE id = $1`,
      [id, item.userId[item.timeoutTo.to], time(item.timeoutTo.at)],
    );
  }
  for (const [index, reply] of (item.replies ?? []).entries()) {
    const sentAt = time(reply.at);
    await message("outbound", sentAt, item.userId[reply.by]);
    if (index === 0) {
      await client.query(
        `UPDATE "Conversation" SET "awaitingReplySince" = NULL, "lastMessageAt" = $2::timestamp, "updatedAt" = $2::timestamp WHERE id = $1`,
        [id, sentAt],
      );
    }
  }
  if (item.closedAt) {
    await client.query(
      `UPDATE "Conversation" SET state = 'closed', "updatedAt" = $2::timestamp WHERE id = $1`,
      [id, time(item.closedAt)],
    );
  }
}

/** The channels (and with them their conversations, messages, episodes and counts) and the rule. */
export async function removeReportHistory(history: ReportHistory): Promise<void> {
  await withE2eDatabase(async (client) => {
    await client.query(`DELETE FROM "Channel" WHERE id = ANY($1)`, [history.channelIds]);
    await client.query(`DELETE FROM "AssignmentRule" WHERE id = $1`, [history.ruleId]);
  });
}
