// How the reports screen writes its numbers, durations and dates, in the user's language. Dates
// arrive as the shop's calendar days (YYYY-MM-DD) and are written as the rest of the app writes
// them (lib/i18n/date-format.ts): "05/12", "05/12/2026".
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatDuration } from "@/components/reports/format-duration";

export interface ReportFormat {
  number(value: number): string;
  /** null → "—". */
  duration(seconds: number | null, parts?: 1 | 2): string;
  /** "05/12" */
  dayMonth(date: string): string;
  /** "05/12/2026" */
  date(date: string): string;
  /** "Từ 01/12/2026 đến 07/12/2026" */
  range(range: { from: string; to: string }): string;
  /** "01/12/2026 – 07/12/2026", inside a sentence. */
  span(range: { from: string; to: string }): string;
  /** "T2" … "CN", 0 = Monday. */
  shortWeekday(index: number): string;
  /** "Thứ Hai" … "Chủ Nhật", 0 = Monday. */
  weekday(index: number): string;
  /** "10:00" */
  hour(hour: number): string;
}

export function useReportFormat(): ReportFormat {
  const t = useTranslations("reports");
  const format = useFormatter();
  return useMemo(() => {
    const number = (value: number) => format.number(value);
    const [year, month, day] = [
      (date: string) => date.slice(0, 4),
      (date: string) => date.slice(5, 7),
      (date: string) => date.slice(8, 10),
    ];
    const dayMonth = (date: string) => `${day(date)}/${month(date)}`;
    const fullDate = (date: string) => `${dayMonth(date)}/${year(date)}`;
    const short = t.raw("weekdays.short") as string[];
    const long = t.raw("weekdays.long") as string[];
    return {
      number,
      duration: (seconds, parts = 2) =>
        seconds === null
          ? t("duration.none")
          : formatDuration(seconds, (unit, count) => t(`duration.${unit}`, { count }), parts),
      dayMonth,
      date: fullDate,
      range: ({ from, to }) => t("rangeLabel", { from: fullDate(from), to: fullDate(to) }),
      span: ({ from, to }) => (from === to ? fullDate(from) : `${fullDate(from)} – ${fullDate(to)}`),
      shortWeekday: (index) => short[index] ?? "",
      weekday: (index) => long[index] ?? "",
      hour: (hour) => `${String(hour).padStart(2, "0")}:00`,
    };
  }, [t, format]);
}
