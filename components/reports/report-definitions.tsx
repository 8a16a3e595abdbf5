// "Cách tính": what each figure counts, written on the page so nobody has to guess — episodes, the
// clock the times run on (and which one this shop's report uses), median and p90, why the staff
// filter leaves customer messages alone, and the time zone of the dates.
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

export function ReportDefinitions({
  timeZone,
  workingHoursSet,
}: {
  timeZone: string;
  workingHoursSet: boolean | null;
}) {
  const t = useTranslations("reports.definitions");
  return (
    <details className="group rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-medium">{t("title")}</summary>
      <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
        <li>{t("episodes")}</li>
        <li>{t("firstResponse")}</li>
        <li>
          {t.rich("clock", {
            link: (text) => (
              <Link href="/settings/shop" className="text-brand-700 underline">
                {text}
              </Link>
            ),
          })}
          {workingHoursSet !== null && <> {workingHoursSet ? t("clockWorkingHours") : t("clockWallTime")}</>}
        </li>
        <li>{t("resolution")}</li>
        <li>{t("percentiles")}</li>
        <li>{t("customerMessages")}</li>
        <li>{t("timeZone", { zone: timeZone })}</li>
      </ul>
    </details>
  );
}
