// Dates and times as Vietnamese people write them: "23:03", "02/12", "02/12/2026", "23:03 02/12/2026".
// Every screen formats through this one module, so no date reaches the UI in ICU's own Vietnamese
// patterns ("02-12", "2/12/26", "2 thg 12"), which nobody writes. English keeps the same day-first
// numbers (the shops and their customers are in Vietnam) and puts the time after the date.
import type { Locale } from "@/lib/i18n/locales";

export interface DateFormat {
  /** "23:03" */
  time(date: Date): string;
  /** "02/12" */
  dayMonth(date: Date): string;
  /** "02/12/2026" */
  date(date: Date): string;
  /** "23:03 02/12" (en: "02/12, 23:03") */
  dayMonthTime(date: Date): string;
  /** "23:03 02/12/2026" (en: "02/12/2026, 23:03") */
  dateTime(date: Date): string;
  /** "Thứ 4" (en: "Wed") */
  shortWeekday(date: Date): string;
  /** "Thứ Tư, 02/12/2026" (en: "Wednesday, 02/12/2026") */
  longDay(date: Date): string;
  /** "Thứ Tư, 23:03 02/12/2026" (en: "Wednesday, 02/12/2026, 23:03"), for tooltips. */
  full(date: Date): string;
  /** "2026-12-02": the calendar day in the time zone, to compare days. */
  dayKey(date: Date): string;
}

export function dateFormat(locale: Locale, timeZone: string): DateFormat {
  // Numbers only, from a locale whose digits and 24-hour clock are certain; the order is ours.
  const numeric = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const shortWeekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: "short" });
  const longWeekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: "long" });

  const parts = (date: Date) => {
    const found = Object.fromEntries(numeric.formatToParts(date).map((part) => [part.type, part.value]));
    return { day: found.day ?? "", month: found.month ?? "", year: found.year ?? "", hour: found.hour ?? "", minute: found.minute ?? "" };
  };
  const time = (date: Date) => {
    const { hour, minute } = parts(date);
    return `${hour}:${minute}`;
  };
  const dayMonth = (date: Date) => {
    const { day, month } = parts(date);
    return `${day}/${month}`;
  };
  const fullDate = (date: Date) => `${dayMonth(date)}/${parts(date).year}`;
  // Vietnamese writes the time first ("23:03 02/12/2026"); English after the date.
  const withTime = (day: string, date: Date) => (locale === "vi" ? `${time(date)} ${day}` : `${day}, ${time(date)}`);
  const dateTime = (date: Date) => withTime(fullDate(date), date);

  return {
    time,
    dayMonth,
    date: fullDate,
    dayMonthTime: (date) => withTime(dayMonth(date), date),
    dateTime,
    shortWeekday: (date) => shortWeekday.format(date),
    longDay: (date) => `${longWeekday.format(date)}, ${fullDate(date)}`,
    full: (date) => `${longWeekday.format(date)}, ${dateTime(date)}`,
    dayKey(date) {
      const { day, month, year } = parts(date);
      return `${year}-${month}-${day}`;
    },
  };
}
