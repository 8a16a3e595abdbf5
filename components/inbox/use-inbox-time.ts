// Dates and times as the inbox shows them, in the workspace's time zone (Asia/Ho_Chi_Minh by
// default): "14:05" today, the weekday within a week, the date before that.
"use client";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useMemo } from "react";

const DAY_MS = 24 * 3600 * 1000;

export function useInboxTime() {
  const format = useFormatter();
  const timeZone = useTimeZone() ?? "Asia/Ho_Chi_Minh";
  const t = useTranslations("inbox.time");
  return useMemo(() => {
    const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    const dayKey = (date: Date) => dayFormat.format(date);
    const clock = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
    return {
      dayKey: (iso: string) => dayKey(new Date(iso)),
      clock,
      /** Full date and time, for tooltips. */
      full: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "full", timeStyle: "short" }),
      listTime(iso: string, now: Date): string {
        const date = new Date(iso);
        if (dayKey(date) === dayKey(now)) return clock(iso);
        if (now.getTime() - date.getTime() < 6 * DAY_MS) return format.dateTime(date, { weekday: "short" });
        return format.dateTime(date, { day: "2-digit", month: "2-digit", year: "2-digit" });
      },
      dayLabel(iso: string, now: Date): string {
        const key = dayKey(new Date(iso));
        if (key === dayKey(now)) return t("today");
        if (key === dayKey(new Date(now.getTime() - DAY_MS))) return t("yesterday");
        return format.dateTime(new Date(iso), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
      },
    };
  }, [format, timeZone, t]);
}
