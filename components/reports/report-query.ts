// What the reports screen shows, as it lives in the page's address (so a reload or a shared link
// keeps it): a range preset or custom dates, and the filters. Pure: the screen, the API calls and
// the CSV links all read and write it through these functions.
import { isPlatform } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { addDays, isLocalDate, MAX_REPORT_DAYS } from "@/lib/reports/local-dates";

export const rangePresets = ["today", "7d", "30d", "custom"] as const;
export type RangePreset = (typeof rangePresets)[number];
export const defaultRange: RangePreset = "7d";

/** Days counted back from today, today included, for each preset but "custom". */
const presetDays: Record<Exclude<RangePreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30 };

export interface ReportFilters {
  platform: Platform | null;
  channelId: string | null;
  ruleId: string | null;
  agentId: string | null;
}

export interface ReportQuery extends ReportFilters {
  range: RangePreset;
  /** Custom range only: what the date inputs hold, possibly incomplete. */
  from: string | null;
  to: string | null;
}

const filterKeys = ["channelId", "ruleId", "agentId"] as const;

export function readReportQuery(params: URLSearchParams): ReportQuery {
  const range = (rangePresets as readonly string[]).includes(params.get("range") ?? "")
    ? (params.get("range") as RangePreset)
    : defaultRange;
  const platform = params.get("platform");
  const text = (key: string) => params.get(key)?.trim() || null;
  return {
    range,
    from: range === "custom" && isLocalDate(params.get("from")) ? params.get("from") : null,
    to: range === "custom" && isLocalDate(params.get("to")) ? params.get("to") : null,
    platform: platform && isPlatform(platform) ? platform : null,
    channelId: text("channelId"),
    ruleId: text("ruleId"),
    agentId: text("agentId"),
  };
}

/** The page's own query string: only what differs from the defaults. */
export function pageSearch(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.range !== defaultRange) params.set("range", query.range);
  if (query.range === "custom") {
    if (query.from) params.set("from", query.from);
    if (query.to) params.set("to", query.to);
  }
  if (query.platform) params.set("platform", query.platform);
  for (const key of filterKeys) if (query[key]) params.set(key, query[key]);
  return params.toString();
}

export type ResolvedRange = { from: string; to: string } | { problem: "incomplete" | "reversed" | "tooLong" };

/** The dates the query stands for, given the shop's today; a custom range may not be usable yet. */
export function resolveRange(query: ReportQuery, today: string): ResolvedRange {
  if (query.range !== "custom") return { from: addDays(today, 1 - presetDays[query.range]), to: today };
  if (!query.from || !query.to) return { problem: "incomplete" };
  if (query.from > query.to) return { problem: "reversed" };
  if (addDays(query.from, MAX_REPORT_DAYS) <= query.to) return { problem: "tooLong" };
  return { from: query.from, to: query.to };
}

/** The query string of the API and of its CSV downloads: the dates and the filters set. */
export function apiSearch(range: { from: string; to: string }, filters: ReportFilters): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (filters.platform) params.set("platform", filters.platform);
  for (const key of filterKeys) if (filters[key]) params.set(key, filters[key]);
  return params.toString();
}
