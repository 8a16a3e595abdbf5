// What a report asks for: a range of the shop's own dates (both days included) and the filters of
// "Báo cáo". Shared by the page's API and both CSV exports, read from the query string.
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";
import { platforms } from "@/lib/channels/platform-names";

/** A year and a day: a leap year's whole range, and no more (each day is a row of the volume chart). */
export const MAX_REPORT_DAYS = 366;

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "date_invalid");

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

/** Whole days from one local date to another (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every local date of the range, in order. */
export function datesOf({ from, to }: { from: string; to: string }): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => addDays(from, index));
}

export function parseReportQuery(url: string): ReportQuery {
  return reportQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
}
