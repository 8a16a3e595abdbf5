// The shared date formatter (lib/i18n/date-format.ts) in the user's language and the workspace's
// time zone, for client components.
"use client";
import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { dateFormat, type DateFormat } from "@/lib/i18n/date-format";
import { defaultLocale, isLocale, workspaceTimeZone } from "@/lib/i18n/locales";

export function useDateFormat(): DateFormat {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? workspaceTimeZone;
  return useMemo(() => dateFormat(isLocale(locale) ? locale : defaultLocale, timeZone), [locale, timeZone]);
}
