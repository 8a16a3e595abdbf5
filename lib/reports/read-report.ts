// "Báo cáo": the figures of a range, for an admin, from queries run side by side:
// - message counts from ReportMessageCount (on the shop's clock): customer messages per day and
//   platform (the volume chart) and per weekday and hour (the heat map), from their hourly rows;
//   replies per agent, from their daily rows;
// - episodes from ConversationEpisode: counts per agent in charge, the range's percentiles, first
//   response per first responder;
// - what is true now from Conversation: who has how many open, how many customers wait.
// Customer messages belong to pages, not agents, so the agent filter narrows replies and episodes only.
import { Prisma } from "@/lib/generated/prisma/client";
import { ConversationState, type Platform } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { platforms } from "@/lib/channels/platform-names";
import type { ReportQuery } from "@/lib/reports/report-query";
import { datesOf } from "@/lib/reports/local-dates";
import { resolveReportScope, type ReportScope } from "@/lib/reports/report-scope";

export interface Percentiles {
  /** Seconds; null when nothing in the range was measured. */
  median: number | null;
  p90: number | null;
}

export interface AgentFigures {
  id: string;
  name: string;
  active: boolean;
  conversationsHandled: number;
  replies: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  closed: number;
  openNow: number;
}

export interface Report {
  range: { from: string; to: string; timeZone: string; workingHoursSet: boolean };
  totals: {
    newConversations: number;
    customerMessages: number;
    agentReplies: number;
    firstResponse: Percentiles;
    resolution: Percentiles;
    reassignedForNoAnswer: number;
    unansweredNow: number;
  };
  volumeByDay: ({ date: string } & Record<Platform, number>)[];
  /** [weekday, 0 = Monday][hour of the day] customer messages. */
  heatMap: number[][];
  agents: AgentFigures[];
}

export async function readReport(admin: SessionUser, query: ReportQuery): Promise<Report> {
  const scope = await resolveReportScope(admin, query);
  const [counts, episodes, now, staff] = await Promise.all([
    readMessageCounts(scope),
    readEpisodes(scope),
    readOpenNow(scope),
    db().user.findMany({ where: { workspaceId: admin.workspaceId }, select: { id: true, name: true, active: true }, orderBy: { name: "asc" } }),
  ]);
  const agentId = scope.agentId;
  const perAgent = staff
    .filter((user) => !agentId || user.id === agentId)
    .map((user) => agentFigures(user, counts.repliesByAgent, episodes, now.openByAgent))
    .filter((row) => row.active || row.conversationsHandled + row.replies + row.closed + row.openNow > 0);

  const overall = episodes.overall;
  return {
    range: { from: query.from, to: query.to, timeZone: scope.timeZone, workingHoursSet: scope.workingHoursSet },
    totals: {
      newConversations: overall.newConversations,
      customerMessages: counts.customerMessages,
      agentReplies: sum(counts.repliesByAgent.values()),
      firstResponse: percentiles(overall.firstResponse),
      resolution: percentiles(overall.resolution),
      reassignedForNoAnswer: overall.reassigned,
      unansweredNow: agentId ? (now.waitingByAgent.get(agentId) ?? 0) : sum(now.waitingByAgent.values()),
    },
    volumeByDay: datesOf(query).map((date) => ({
      date,
      ...(Object.fromEntries(platforms.map((platform) => [platform, counts.volume.get(`${date} ${platform}`) ?? 0])) as Record<Platform, number>),
    })),
    heatMap: counts.heatMap,
    agents: perAgent,
  };
}

interface MessageCounts {
  customerMessages: number;
  volume: Map<string, number>;
  heatMap: number[][];
  repliesByAgent: Map<string, number>;
}

/** Grouping-set bitmasks of GROUPING(day, weekday): 1 where the column is not grouped. */
const BY_DAY_AND_PLATFORM = 0b01;

/**
 * Customer messages are the rows without an agent (a few per hour and page); replies the rows with
 * one. Reading each kind on its own keeps the grouping sets off the far more numerous reply rows.
 */
async function readMessageCounts(scope: ReportScope): Promise<MessageCounts> {
  const inScope = Prisma.sql`r."workspaceId" = ${scope.workspaceId} AND r."timeZone" = ${scope.timeZone}
      AND r."channelId" = ANY(${scope.channelIds})
      AND r."localHour" >= ${scope.localStart}::timestamp AND r."localHour" < ${scope.localEnd}::timestamp`;
  const [customers, replies] = await Promise.all([
    db().$queryRaw<{ set: number; day: string | null; platform: Platform | null; weekday: number | null; hour: number | null; count: number }[]>`
      SELECT GROUPING(day, weekday)::int AS set, day, platform, weekday, hour, sum(count)::int AS count
      FROM (
        SELECT to_char(r."localHour", 'YYYY-MM-DD') AS day, c.platform::text AS platform,
               extract(isodow FROM r."localHour")::int - 1 AS weekday, extract(hour FROM r."localHour")::int AS hour,
               r."customerMessages" AS count
        FROM "ReportMessageCount" r JOIN "Channel" c ON c.id = r."channelId"
        WHERE ${inScope} AND r."agentId" IS NULL
      ) counted
      GROUP BY GROUPING SETS ((day, platform), (weekday, hour))`,
    db().$queryRaw<{ agentId: string; count: number }[]>`
      SELECT r."agentId", sum(r."agentReplies")::int AS count
      FROM "ReportMessageCount" r
      WHERE ${inScope} AND r."agentId" IS NOT NULL ${scope.agentId ? Prisma.sql`AND r."agentId" = ${scope.agentId}` : Prisma.empty}
      GROUP BY r."agentId"`,
  ]);

  const counts: MessageCounts = {
    customerMessages: 0,
    volume: new Map(),
    heatMap: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
    repliesByAgent: new Map(replies.filter((row) => row.count > 0).map((row) => [row.agentId, row.count])),
  };
  for (const row of customers) {
    if (row.set === BY_DAY_AND_PLATFORM) {
      counts.volume.set(`${row.day} ${row.platform}`, row.count);
      counts.customerMessages += row.count;
    } else {
      counts.heatMap[row.weekday!]![row.hour!] = row.count;
    }
  }
  return counts;
}

interface EpisodeCounts {
  newConversations: number;
  handled: number;
  closed: number;
  reassigned: number;
}

interface Episodes {
  overall: EpisodeCounts & { firstResponse: number[] | null; resolution: number[] | null };
  byAssignee: Map<string, EpisodeCounts>;
  /** [median, p90] seconds per first responder. */
  byResponder: Map<string, number[]>;
}

/**
 * An episode belongs to the range by what happened in it: opened (new, handled, reassigned for no
 * answer), its customer's first message (first response time) or its close (closed, resolution).
 * Three queries side by side: counts per agent in charge (no sorting), the range's two percentiles
 * (two sorts), first response per responder (one grouped sort). The agent filter is a WHERE in each,
 * so one agent's report reads one agent's episodes.
 */
async function readEpisodes(scope: ReportScope): Promise<Episodes> {
  const inRange = (column: Prisma.Sql) => Prisma.sql`(${column} >= ${scope.start} AND ${column} < ${scope.end})`;
  const started = inRange(Prisma.sql`"startedAt"`);
  const waited = Prisma.sql`${inRange(Prisma.sql`"firstCustomerMessageAt"`)} AND "firstResponseSeconds" IS NOT NULL`;
  const closed = inRange(Prisma.sql`"closedAt"`);
  const ofScope = Prisma.sql`"workspaceId" = ${scope.workspaceId} AND "channelId" = ANY(${scope.channelIds})`;
  const agent = (column: Prisma.Sql) => (scope.agentId ? Prisma.sql`AND ${column} = ${scope.agentId}` : Prisma.empty);

  const [counts, [overall], responders] = await Promise.all([
    db().$queryRaw<({ assigneeId: string | null; overall: boolean } & EpisodeCounts)[]>`
      SELECT "assigneeId", GROUPING("assigneeId") = 1 AS overall,
        count(*) FILTER (WHERE ${started} AND NOT reopened)::int AS "newConversations",
        count(*) FILTER (WHERE ${started})::int AS handled,
        count(*) FILTER (WHERE ${closed})::int AS closed,
        count(*) FILTER (WHERE ${started} AND "timeoutReassignments" > 0)::int AS reassigned
      FROM "ConversationEpisode"
      WHERE ${ofScope} AND (${started} OR ${closed}) ${agent(Prisma.sql`"assigneeId"`)}
      GROUP BY ROLLUP ("assigneeId")`,
    db().$queryRaw<{ firstResponse: number[] | null; resolution: number[] | null }[]>`
      SELECT
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "firstResponseSeconds")
          FILTER (WHERE ${waited} ${agent(Prisma.sql`"firstResponderId"`)}) AS "firstResponse",
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "resolutionSeconds")
          FILTER (WHERE ${closed} ${agent(Prisma.sql`"assigneeId"`)}) AS resolution
      FROM "ConversationEpisode"
      WHERE ${ofScope} AND ((${waited}) OR ${closed})`,
    db().$queryRaw<{ firstResponderId: string; firstResponse: number[] }[]>`
      SELECT "firstResponderId", percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "firstResponseSeconds") AS "firstResponse"
      FROM "ConversationEpisode"
      WHERE ${ofScope} AND ${waited} AND "firstResponderId" IS NOT NULL ${agent(Prisma.sql`"firstResponderId"`)}
      GROUP BY "firstResponderId"`,
  ]);

  const none: EpisodeCounts = { newConversations: 0, handled: 0, closed: 0, reassigned: 0 };
  return {
    overall: { ...(counts.find((row) => row.overall) ?? none), firstResponse: overall?.firstResponse ?? null, resolution: overall?.resolution ?? null },
    byAssignee: new Map(counts.filter((row) => !row.overall && row.assigneeId !== null).map((row) => [row.assigneeId!, row])),
    byResponder: new Map(responders.map((row) => [row.firstResponderId, row.firstResponse])),
  };
}

/**
 * Every state but closed, named so that the (workspaceId, state, …) index finds them: a shop's
 * closed conversations grow without end, its open ones do not.
 */
const OPEN_STATES = Object.values(ConversationState).filter((state) => state !== ConversationState.closed);

async function readOpenNow(scope: ReportScope): Promise<{ openByAgent: Map<string, number>; waitingByAgent: Map<string, number> }> {
  const rows = await db().$queryRaw<{ assigneeId: string | null; open: number; waiting: number }[]>`
    SELECT "assigneeId", count(*) FILTER (WHERE state = 'assigned')::int AS open,
           count(*) FILTER (WHERE "awaitingReplySince" IS NOT NULL)::int AS waiting
    FROM "Conversation"
    WHERE "workspaceId" = ${scope.workspaceId} AND state = ANY(${OPEN_STATES}::"ConversationState"[]) AND "channelId" = ANY(${scope.channelIds})
    GROUP BY "assigneeId"`;
  const openByAgent = new Map<string, number>();
  const waitingByAgent = new Map<string, number>();
  for (const row of rows) {
    const key = row.assigneeId ?? "";
    openByAgent.set(key, row.open);
    waitingByAgent.set(key, row.waiting);
  }
  return { openByAgent, waitingByAgent };
}

function agentFigures(
  user: { id: string; name: string; active: boolean },
  repliesByAgent: Map<string, number>,
  episodes: Episodes,
  openByAgent: Map<string, number>,
): AgentFigures {
  const inCharge = episodes.byAssignee.get(user.id);
  const firstResponse = percentiles(episodes.byResponder.get(user.id));
  return {
    id: user.id,
    name: user.name,
    active: user.active,
    conversationsHandled: inCharge?.handled ?? 0,
    replies: repliesByAgent.get(user.id) ?? 0,
    firstResponseMedian: firstResponse.median,
    firstResponseP90: firstResponse.p90,
    closed: inCharge?.closed ?? 0,
    openNow: openByAgent.get(user.id) ?? 0,
  };
}

function percentiles(values: number[] | null | undefined): Percentiles {
  if (!values) return { median: null, p90: null };
  return { median: Math.round(values[0]!), p90: Math.round(values[1]!) };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
