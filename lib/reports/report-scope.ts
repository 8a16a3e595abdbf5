// Which pages and OAs a report counts and on which clock: the admin's visible channels (an admin of
// a workspace that keeps "only me" pages private does not see another admin's), narrowed by the
// platform, page and rule filters; the shop's time zone; and the range's bounds as UTC timestamps.
// A filter naming something that is not the workspace's is refused, never read as "everything".
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ReportQuery } from "@/lib/reports/report-query";
import { addDays } from "@/lib/reports/local-dates";

export interface ReportScope {
  workspaceId: string;
  timeZone: string;
  workingHoursSet: boolean;
  channelIds: string[];
  agentId: string | undefined;
  /** The range's start and end (exclusive) on the shop's wall clock, and as UTC timestamps. */
  localStart: string;
  localEnd: string;
  start: Prisma.Sql;
  end: Prisma.Sql;
}

export async function resolveReportScope(admin: SessionUser, query: ReportQuery): Promise<ReportScope> {
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: admin.workspaceId },
    select: { timeZone: true, workingHours: true, adminsSeeOnlyMeChannels: true },
  });
  const channels = await db().channel.findMany({
    where: reportChannelsWhere(admin, workspace),
    select: { id: true, platform: true, ruleSource: { select: { ruleId: true } } },
  });
  await assertKnownFilters(admin, query, channels);

  const counted = channels.filter(
    (channel) =>
      (!query.platform || channel.platform === query.platform) &&
      (!query.channelId || channel.id === query.channelId) &&
      (!query.ruleId || channel.ruleSource?.ruleId === query.ruleId),
  );
  const localStart = `${query.from} 00:00:00`;
  const localEnd = `${addDays(query.to, 1)} 00:00:00`;
  return {
    workspaceId: admin.workspaceId,
    timeZone: workspace.timeZone,
    workingHoursSet: Object.keys(workspace.workingHours as object).length > 0,
    channelIds: counted.map((channel) => channel.id),
    agentId: query.agentId,
    localStart,
    localEnd,
    start: utcOfLocal(localStart, workspace.timeZone),
    end: utcOfLocal(localEnd, workspace.timeZone),
  };
}

/**
 * The pages and OAs an admin's reports count: all of the workspace's, unless it keeps "only me"
 * pages to the admin who connected them (conversation-visibility.ts).
 */
export function reportChannelsWhere(admin: SessionUser, workspace: { adminsSeeOnlyMeChannels: boolean }): Prisma.ChannelWhereInput {
  if (workspace.adminsSeeOnlyMeChannels) return { workspaceId: admin.workspaceId };
  return { workspaceId: admin.workspaceId, OR: [{ chatMode: "shared" }, { connectedById: admin.id }] };
}

/** A wall-clock time of the shop as the UTC `timestamp` Prisma's DateTime columns hold. */
function utcOfLocal(local: string, timeZone: string): Prisma.Sql {
  return Prisma.sql`((${local}::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;
}

async function assertKnownFilters(admin: SessionUser, query: ReportQuery, channels: { id: string }[]): Promise<void> {
  const unknown: Record<string, string[]> = {};
  if (query.channelId && !channels.some((channel) => channel.id === query.channelId)) unknown.channelId = ["unknown_channel"];
  if (query.ruleId && !(await db().assignmentRule.count({ where: { id: query.ruleId, workspaceId: admin.workspaceId } }))) {
    unknown.ruleId = ["unknown_rule"];
  }
  if (query.agentId && !(await db().user.count({ where: { id: query.agentId, workspaceId: admin.workspaceId } }))) {
    unknown.agentId = ["unknown_agent"];
  }
  if (Object.keys(unknown).length > 0) {
    throw new AppError("invalid_input", "A filter names something this workspace does not have.", {}, unknown);
  }
}
