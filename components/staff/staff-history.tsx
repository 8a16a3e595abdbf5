// "Lịch sử thay đổi": who changed whom on the staff page, newest first.
import { getTranslations } from "next-intl/server";
import type { StaffChangeLine } from "@/lib/staff/list-staff-changes";
import { dateFormat } from "@/lib/i18n/date-format";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";

export async function StaffHistory({ changes, locale, timeZone }: { changes: StaffChangeLine[]; locale: string; timeZone: string }) {
  const t = await getTranslations("staffHistory");
  const format = dateFormat(isLocale(locale) ? locale : defaultLocale, timeZone);
  return (
    <section className="mt-8">
      <h2 className="font-semibold">{t("title")}</h2>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm" aria-label={t("title")}>
          {changes.map((change) => (
            <li key={change.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <span>
                {t(`kinds.${change.kind}`, {
                  actor: change.actor?.name ?? t("system"),
                  target: change.targetName,
                  detail: change.detail ?? "",
                  role: t("roles", { role: change.detail ?? "agent" }),
                })}
              </span>
              <time dateTime={change.createdAt.toISOString()} className="text-slate-500">
                {format.dateTime(change.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
