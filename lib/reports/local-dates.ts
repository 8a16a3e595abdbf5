// The shop's calendar dates as "YYYY-MM-DD" strings, for the reports' API and screen alike: plain
// calendar arithmetic (no zone is involved in counting days), and no zod, so the browser can use it.

/** A year and a day: a leap year's whole range, and no more (each day is a bar of the volume chart). */
export const MAX_REPORT_DAYS = 366;

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isLocalDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The date `days` later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one date to another (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every date of the range, both ends included, in order. */
export function datesOf({ from, to }: { from: string; to: string }): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => addDays(from, index));
}
