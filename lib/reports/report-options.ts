// What the filters of "Báo cáo" offer an admin: the platforms, the pages and OAs they see, the
// rules and the staff; and the shop's date today, from which the page counts its ranges.
import type { Platform } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { platforms } from "@/lib/channels/platform-names";
import { reportChannelsWhere } from "@/lib/reports/report-scope";

export interface ReportOptions {
  platforms: Platform[];
  channels: { id: string; name: string; platform: Platform }[];
  rules: { id: string; name: string }[];
  agents: { id: string; name: string; active: boolean }[];
  today: string;
}

export async function listReportOptions(admin: SessionUser): Promise<ReportOptions> {
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: admin.workspaceId },
    select: { timeZone: true, adminsSeeOnlyMeChannels: true },
  });
  const [channels, rules, agents] = await Promise.all([
    db().channel.findMany({
      where: reportChannelsWhere(admin, workspace),
      select: { id: true, name: true, platform: true },
      orderBy: { name: "asc" },
    }),
    db().assignmentRule.findMany({ where: { workspaceId: admin.workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().user.findMany({
      where: { workspaceId: admin.workspaceId },
      select: { id: true, name: true, active: true },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
  ]);
  return { platforms, channels, rules, agents, today: localDate(new Date(), workspace.timeZone) };
}

/** The shop's calendar date at an instant (en-CA writes dates as YYYY-MM-DD). */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
