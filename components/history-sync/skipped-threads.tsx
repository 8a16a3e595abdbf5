// The threads a sync could not import (malformed answers from the platform), so an admin knows what
// is missing.
import { useTranslations } from "next-intl";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

export function SkippedThreads({ sync, platformName }: { sync: HistorySyncView; platformName: string }) {
  const t = useTranslations("historySync.skipped");
  if (sync.threadsSkipped === 0) return null;
  const more = sync.threadsSkipped - sync.skipped.length;
  return (
    <details className="text-sm text-amber-900">
      <summary className="cursor-pointer">{t("summary", { count: sync.threadsSkipped, platform: platformName })}</summary>
      <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
        {sync.skipped.map((entry) => (
          <li key={entry.threadId} className="break-all">
            {t("item", {
              threadId: entry.threadId,
              reason: t.has(`reasons.${entry.reason}`) ? t(`reasons.${entry.reason}`) : entry.reason,
            })}
          </li>
        ))}
        {more > 0 && <li>{t("more", { count: more })}</li>}
      </ul>
    </details>
  );
}
