// "Báo cáo": the figures of a range, for an admin. Three queries, run side by side:
// - message counts from ReportMessageCount (hourly rows on the shop's clock) in one pass with
//   grouping sets: per day and platform (the volume chart), per weekday and hour (the heat map), per
//   replying agent;
// - episodes from ConversationEpisode, also with grouping sets: per agent in charge (handled,
//   closed, resolution), per first responder (first response time), and the whole range;
// - what is true now from Conversation: who has how many open, how many customers wait.
// Customer messages belong to pages, not agents, so the agent filter narrows replies and episodes only.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Platform } from "@/lib/generated/prisma/enums";
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

  const overall = agentId ? episodes.byAssignee.get(agentId) : episodes.overall;
  const responded = agentId ? episodes.byResponder.get(agentId) : episodes.overall;
  return {
    range: { from: query.from, to: query.to, timeZone: scope.timeZone, workingHoursSet: scope.workingHoursSet },
    totals: {
      newConversations: overall?.newConversations ?? 0,
      customerMessages: counts.customerMessages,
      agentReplies: agentId ? (counts.repliesByAgent.get(agentId) ?? 0) : sum(counts.repliesByAgent.values()),
      firstResponse: percentiles(responded?.firstResponse),
      resolution: percentiles(overall?.resolution),
      reassignedForNoAnswer: overall?.reassigned ?? 0,
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

/** Grouping-set bitmasks of GROUPING(day, weekday, "agentId"): 1 where the column is not grouped. */
const BY_DAY_AND_PLATFORM = 0b011;
const BY_WEEKDAY_AND_HOUR = 0b101;

async function readMessageCounts(scope: ReportScope): Promise<MessageCounts> {
  const rows = await db().$queryRaw<
    { set: number; day: string | null; platform: Platform | null; weekday: number | null; hour: number | null; agentId: string | null; customers: number; replies: number }[]
  >`
    SELECT GROUPING(day, weekday, "agentId")::int AS set, day, platform, weekday, hour, "agentId",
           sum(customers)::int AS customers, sum(replies)::int AS replies
    FROM (
      SELECT to_char(r."localHour", 'YYYY-MM-DD') AS day, c.platform::text AS platform,
             extract(isodow FROM r."localHour")::int - 1 AS weekday, extract(hour FROM r."localHour")::int AS hour,
             r."agentId", r."customerMessages" AS customers, r."agentReplies" AS replies
      FROM "ReportMessageCount" r JOIN "Channel" c ON c.id = r."channelId"
      WHERE r."workspaceId" = ${scope.workspaceId} AND r."timeZone" = ${scope.timeZone}
        AND r."channelId" = ANY(${scope.channelIds})
        AND r."localHour" >= ${scope.localStart}::timestamp AND r."localHour" < ${scope.localEnd}::timestamp
    ) counted
    GROUP BY GROUPING SETS ((day, platform), (weekday, hour), ("agentId"))`;

  const counts: MessageCounts = {
    customerMessages: 0,
    volume: new Map(),
    heatMap: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
    repliesByAgent: new Map(),
  };
  for (const row of rows) {
    if (row.set === BY_DAY_AND_PLATFORM) {
      counts.volume.set(`${row.day} ${row.platform}`, row.customers);
      counts.customerMessages += row.customers;
    } else if (row.set === BY_WEEKDAY_AND_HOUR) {
      counts.heatMap[row.weekday!]![row.hour!] = row.customers;
    } else if (row.agentId !== null && row.replies > 0) {
      counts.repliesByAgent.set(row.agentId, row.replies);
    }
  }
  return counts;
}

interface EpisodeFigures {
  newConversations: number;
  handled: number;
  closed: number;
  reassigned: number;
  firstResponse: number[] | null;
  resolution: number[] | null;
}

interface Episodes {
  overall: EpisodeFigures | undefined;
  byAssignee: Map<string, EpisodeFigures>;
  byResponder: Map<string, EpisodeFigures>;
}

/** Grouping-set bitmasks of GROUPING("assigneeId", "firstResponderId"). */
const BY_ASSIGNEE = 0b01;
const BY_RESPONDER = 0b10;
const OVERALL = 0b11;

/**
 * An episode belongs to the range by what happened in it: opened (new, handled, reassigned for no
 * answer), its customer's first message (first response time) or its close (closed, resolution).
 */
async function readEpisodes(scope: ReportScope): Promise<Episodes> {
  const inRange = (column: Prisma.Sql) => Prisma.sql`(${column} >= ${scope.start} AND ${column} < ${scope.end})`;
  const rows = await db().$queryRaw<({ set: number; assigneeId: string | null; firstResponderId: string | null } & EpisodeFigures)[]>`
    SELECT GROUPING("assigneeId", "firstResponderId")::int AS set, "assigneeId", "firstResponderId",
      count(*) FILTER (WHERE started AND NOT reopened)::int AS "newConversations",
      count(*) FILTER (WHERE started)::int AS handled,
      count(*) FILTER (WHERE closed)::int AS closed,
      count(*) FILTER (WHERE started AND "timeoutReassignments" > 0)::int AS reassigned,
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "firstResponseSeconds") FILTER (WHERE waited) AS "firstResponse",
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "resolutionSeconds") FILTER (WHERE closed) AS resolution
    FROM (
      SELECT "assigneeId", "firstResponderId", reopened, "timeoutReassignments", "firstResponseSeconds", "resolutionSeconds",
             ${inRange(Prisma.sql`"startedAt"`)} AS started,
             ${inRange(Prisma.sql`"firstCustomerMessageAt"`)} AND "firstResponseSeconds" IS NOT NULL AS waited,
             ${inRange(Prisma.sql`"closedAt"`)} AS closed
      FROM "ConversationEpisode"
      WHERE "workspaceId" = ${scope.workspaceId} AND "channelId" = ANY(${scope.channelIds})
        AND (${inRange(Prisma.sql`"startedAt"`)} OR ${inRange(Prisma.sql`"firstCustomerMessageAt"`)} OR ${inRange(Prisma.sql`"closedAt"`)})
    ) episode
    GROUP BY GROUPING SETS (("assigneeId"), ("firstResponderId"), ())`;

  const episodes: Episodes = { overall: undefined, byAssignee: new Map(), byResponder: new Map() };
  for (const row of rows) {
    if (row.set === OVERALL) episodes.overall = row;
    else if (row.set === BY_ASSIGNEE && row.assigneeId !== null) episodes.byAssignee.set(row.assigneeId, row);
    else if (row.set === BY_RESPONDER && row.firstResponderId !== null) episodes.byResponder.set(row.firstResponderId, row);
  }
  return episodes;
}

async function readOpenNow(scope: ReportScope): Promise<{ openByAgent: Map<string, number>; waitingByAgent: Map<string, number> }> {
  const rows = await db().$queryRaw<{ assigneeId: string | null; open: number; waiting: number }[]>`
    SELECT "assigneeId", count(*) FILTER (WHERE state = 'assigned')::int AS open,
           count(*) FILTER (WHERE "awaitingReplySince" IS NOT NULL)::int AS waiting
    FROM "Conversation"
    WHERE "workspaceId" = ${scope.workspaceId} AND "channelId" = ANY(${scope.channelIds}) AND state <> 'closed'
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
  const firstResponse = percentiles(episodes.byResponder.get(user.id)?.firstResponse);
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
