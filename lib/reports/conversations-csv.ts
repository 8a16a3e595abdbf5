// "Tải CSV (danh sách hội thoại)": every episode that started in the range, one line each, read in
// batches by (startedAt, id) so an export of a hundred thousand lines holds one batch at a time.
// Times are written on the shop's clock.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import type { Locale } from "@/lib/i18n/locales";
import { platformNames } from "@/lib/channels/platform-names";
import type { ReportQuery } from "@/lib/reports/report-query";
import { resolveReportScope, type ReportScope } from "@/lib/reports/report-scope";
import { conversationColumns, yesNo } from "@/lib/reports/csv-columns";
import { csvLine } from "@/lib/reports/csv";

const BATCH = 2_000;

interface EpisodeLine {
  id: bigint;
  startedAt: Date;
  conversationId: string;
  customer: string | null;
  channelId: string;
  channel: string;
  assigneeId: string | null;
  started: string;
  reopened: boolean;
  firstCustomerMessage: string | null;
  firstResponse: string | null;
  firstResponderId: string | null;
  firstResponseSeconds: number | null;
  closed: string | null;
  resolutionSeconds: number | null;
  timeoutReassignments: number;
}

/** Checks the query first, so a refused one is answered before the download starts. */
export async function conversationsCsv(admin: SessionUser, query: ReportQuery, locale: Locale): Promise<AsyncGenerator<string>> {
  const scope = await resolveReportScope(admin, query);
  const staff = await db().user.findMany({ where: { workspaceId: admin.workspaceId }, select: { id: true, name: true } });
  return episodeLines(scope, new Map(staff.map((user) => [user.id, user.name])), locale);
}

async function* episodeLines(scope: ReportScope, nameOf: Map<string, string>, locale: Locale): AsyncGenerator<string> {
  const [yes, no] = yesNo[locale];
  yield csvLine(conversationColumns[locale]);

  let after: { startedAt: Date; id: bigint } | null = null;
  for (;;) {
    const batch = await readBatch(scope, after);
    for (const line of batch) {
      const platform = scope.platformOf.get(line.channelId);
      yield csvLine([
        line.conversationId,
        line.customer,
        platform ? platformNames[platform] : null,
        line.channel,
        line.assigneeId ? (nameOf.get(line.assigneeId) ?? null) : null,
        line.started,
        line.reopened ? yes : no,
        line.firstCustomerMessage,
        line.firstResponse,
        line.firstResponderId ? (nameOf.get(line.firstResponderId) ?? null) : null,
        line.firstResponseSeconds,
        line.closed,
        line.resolutionSeconds,
        line.timeoutReassignments,
      ]);
    }
    if (batch.length < BATCH) return;
    const last = batch[batch.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}

async function readBatch(scope: ReportScope, after: { startedAt: Date; id: bigint } | null): Promise<EpisodeLine[]> {
  const onClock = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${scope.timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
  return db().$queryRaw<EpisodeLine[]>`
    SELECT e.id, e."startedAt", e."conversationId", k.name AS customer, e."channelId", ch.name AS channel, e."assigneeId",
           ${onClock(Prisma.sql`e."startedAt"`)} AS started, e.reopened,
           ${onClock(Prisma.sql`e."firstCustomerMessageAt"`)} AS "firstCustomerMessage",
           ${onClock(Prisma.sql`e."firstResponseAt"`)} AS "firstResponse", e."firstResponderId", e."firstResponseSeconds",
           ${onClock(Prisma.sql`e."closedAt"`)} AS closed, e."resolutionSeconds", e."timeoutReassignments"
    FROM "ConversationEpisode" e
    JOIN "Conversation" c ON c.id = e."conversationId"
    JOIN "Contact" k ON k.id = c."contactId"
    JOIN "Channel" ch ON ch.id = e."channelId"
    WHERE e."workspaceId" = ${scope.workspaceId} AND e."channelId" = ANY(${scope.channelIds})
      AND e."startedAt" >= ${scope.start} AND e."startedAt" < ${scope.end}
      ${scope.agentId ? Prisma.sql`AND e."assigneeId" = ${scope.agentId}` : Prisma.empty}
      ${after ? Prisma.sql`AND (e."startedAt", e.id) > (${after.startedAt}::timestamp, ${after.id})` : Prisma.empty}
    ORDER BY e."startedAt", e.id
    LIMIT ${BATCH}`;
}
