// Dates and times as the inbox shows them, through the shared formatter (lib/i18n/date-format.ts):
// "14:05" today, the weekday within a week, "02/12" before that, and the year once it differs.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useDateFormat } from "@/lib/client/use-date-format";

const DAY_MS = 24 * 3600 * 1000;

export function useInboxTime() {
  const format = useDateFormat();
  const t = useTranslations("inbox.time");
  return useMemo(() => {
    const clock = (iso: string) => format.time(new Date(iso));
    return {
      dayKey: (iso: string) => format.dayKey(new Date(iso)),
      clock,
      /** Full date and time, for tooltips. */
      full: (iso: string) => format.full(new Date(iso)),
      listTime(iso: string, now: Date): string {
        const date = new Date(iso);
        if (format.dayKey(date) === format.dayKey(now)) return clock(iso);
        if (now.getTime() - date.getTime() < 6 * DAY_MS) return format.shortWeekday(date);
        return format.dayKey(date).slice(0, 4) === format.dayKey(now).slice(0, 4) ? format.dayMonth(date) : format.date(date);
      },
      dayLabel(iso: string, now: Date): string {
        const key = format.dayKey(new Date(iso));
        if (key === format.dayKey(now)) return t("today");
        if (key === format.dayKey(new Date(now.getTime() - DAY_MS))) return t("yesterday");
        return format.longDay(new Date(iso));
      },
    };
  }, [format, t]);
}
