// "Tải CSV (danh sách hội thoại)": every episode that started in the range, one line each, read in
// batches by (startedAt, id). PostgreSQL writes each batch's lines as one text (lib/reports/csv.ts),
// so an export of a hundred thousand lines holds one batch's text at a time and no row objects.
// Times are written on the shop's clock.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import type { Locale } from "@/lib/i18n/locales";
import { platformNames } from "@/lib/channels/platform-names";
import type { ReportQuery } from "@/lib/reports/report-query";
import { resolveReportScope, type ReportScope } from "@/lib/reports/report-scope";
import { conversationColumns, yesNo } from "@/lib/reports/csv-columns";
import { csvLines, csvLineSql } from "@/lib/reports/csv";

const BATCH = 2_000;

interface Batch {
  lines: string | null;
  count: number;
  lastStartedAt: Date | null;
  lastId: bigint | null;
}

type Key = { startedAt: Date; id: bigint };

/** Checks the query first, so a refused one is answered before the download starts. */
export async function conversationsCsv(admin: SessionUser, query: ReportQuery, locale: Locale): Promise<AsyncGenerator<string>> {
  const scope = await resolveReportScope(admin, query);
  return episodeBatches(scope, locale);
}

async function* episodeBatches(scope: ReportScope, locale: Locale): AsyncGenerator<string> {
  yield await csvLines([conversationColumns[locale]]);
  const line = episodeLineSql(scope, locale);
  let after: Key | null = null;
  for (;;) {
    const batch = await readBatch(scope, line, after);
    if (batch.lines) yield batch.lines;
    if (batch.count < BATCH) return;
    after = { startedAt: batch.lastStartedAt!, id: batch.lastId! };
  }
}

/** One episode's line, the columns in the order of conversationColumns. */
function episodeLineSql(scope: ReportScope, locale: Locale): Prisma.Sql {
  const [yes, no] = yesNo[locale];
  const onClock = (column: Prisma.Sql) =>
    Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${scope.timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
  return csvLineSql([
    Prisma.sql`e."conversationId"`,
    Prisma.sql`k.name`,
    Prisma.sql`${JSON.stringify(platformNames)}::jsonb ->> ch.platform::text`,
    Prisma.sql`ch.name`,
    Prisma.sql`assignee.name`,
    onClock(Prisma.sql`e."startedAt"`),
    Prisma.sql`CASE WHEN e.reopened THEN ${yes} ELSE ${no} END`,
    onClock(Prisma.sql`e."firstCustomerMessageAt"`),
    onClock(Prisma.sql`e."firstResponseAt"`),
    Prisma.sql`responder.name`,
    Prisma.sql`e."firstResponseSeconds"`,
    onClock(Prisma.sql`e."closedAt"`),
    Prisma.sql`e."resolutionSeconds"`,
    Prisma.sql`e."timeoutReassignments"`,
  ]);
}

async function readBatch(scope: ReportScope, line: Prisma.Sql, after: Key | null): Promise<Batch> {
  const [batch] = await db().$queryRaw<Batch[]>`
    WITH batch AS (
      SELECT e.id, e."startedAt", ${line} AS line
      FROM "ConversationEpisode" e
      JOIN "Conversation" c ON c.id = e."conversationId"
      JOIN "Contact" k ON k.id = c."contactId"
      JOIN "Channel" ch ON ch.id = e."channelId"
      LEFT JOIN "User" assignee ON assignee.id = e."assigneeId" AND assignee."workspaceId" = e."workspaceId"
      LEFT JOIN "User" responder ON responder.id = e."firstResponderId" AND responder."workspaceId" = e."workspaceId"
      WHERE e."workspaceId" = ${scope.workspaceId} AND e."channelId" = ANY(${scope.channelIds})
        AND e."startedAt" >= ${scope.start} AND e."startedAt" < ${scope.end}
        ${scope.agentId ? Prisma.sql`AND e."assigneeId" = ${scope.agentId}` : Prisma.empty}
        ${after ? Prisma.sql`AND (e."startedAt", e.id) > (${after.startedAt}::timestamp, ${after.id})` : Prisma.empty}
      ORDER BY e."startedAt", e.id
      LIMIT ${BATCH}
    )
    SELECT string_agg(line, '' ORDER BY "startedAt", id) AS lines,
           count(*)::int AS count,
           (array_agg("startedAt" ORDER BY "startedAt" DESC, id DESC))[1] AS "lastStartedAt",
           (array_agg(id ORDER BY "startedAt" DESC, id DESC))[1] AS "lastId"
    FROM batch`;
  return batch!;
}
