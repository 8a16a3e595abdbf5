// The progress bar of a running sync. Graph does not say how many threads a page has, so until the
// total is known the bar is indeterminate (no aria-valuenow) and the text gives the count so far.
import { useTranslations } from "next-intl";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

export function SyncProgress({ sync }: { sync: HistorySyncView }) {
  const t = useTranslations("historySync");
  const total = sync.estimatedTotal;
  const count = sync.threadsImported;
  const text =
    sync.status === "queued"
      ? t("queued")
      : total
        ? t("runningOf", { count, total })
        : t("running", { count });
  const percent = total ? Math.min(100, Math.round((count / total) * 100)) : null;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm font-medium text-slate-800">{text}</p>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuetext={text}
        aria-valuemin={0}
        {...(total ? { "aria-valuemax": total, "aria-valuenow": count } : {})}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        {percent === null ? (
          <div className="h-full w-full animate-pulse rounded-full bg-brand-300 motion-reduce:animate-none" />
        ) : (
          <div
            className="h-full rounded-full bg-brand-600 transition-[width]"
            style={{ width: `${percent}%` }}
          />
        )}
      </div>
      <p className="text-xs text-slate-500">{t("messagesSoFar", { count: sync.messagesImported })}</p>
    </div>
  );
}
