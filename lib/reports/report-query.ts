// What a report asks for: a range of the shop's own dates (both days included) and the filters of
// "Báo cáo". Shared by the page's API and both CSV exports, read from the query string.
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";
import { platforms } from "@/lib/channels/platform-names";
import { daysBetween, isLocalDate, MAX_REPORT_DAYS } from "@/lib/reports/local-dates";

const localDate = z.string().refine(isLocalDate, "date_invalid");

export const reportQuerySchema = z
  .strictObject({
    from: localDate,
    to: localDate,
    platform: z.enum(platforms as [string, ...string[]]).optional(),
    channelId: idSchema.optional(),
    ruleId: idSchema.optional(),
    agentId: idSchema.optional(),
  })
  .refine(({ from, to }) => from <= to, { message: "range_reversed", path: ["to"] })
  .refine(({ from, to }) => daysBetween(from, to) < MAX_REPORT_DAYS, { message: "range_too_long", path: ["to"] });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

export function parseReportQuery(url: string): ReportQuery {
  return reportQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
}
