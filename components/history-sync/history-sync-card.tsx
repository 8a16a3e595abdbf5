// The history sync part of a channel's row on its platform's settings screen: a progress bar while
// the channel's old conversations are imported ("Đang đồng bộ… 120 hội thoại"), then "Đã đồng bộ N
// hội thoại" and the platform's limit on what it lets apps read, if the catalog names one; why it
// paused or stopped and how to resume; the threads it skipped; and, when the channel's rule shares
// old conversations, the confirmation with the number to be shared and its warning — for admins,
// who alone confirm it; staff managing their own page are told an admin will.
"use client";
import { useTranslations } from "next-intl";
import { useDateFormat } from "@/lib/client/use-date-format";
import { useId, useState } from "react";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";
import { apiFetch, ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PolicyConfirmation } from "@/components/history-sync/policy-confirmation";
import { SkippedThreads } from "@/components/history-sync/skipped-threads";
import { SyncProgress } from "@/components/history-sync/sync-progress";
import { historySyncUrl, useHistorySync } from "@/components/history-sync/use-history-sync";

type Notice = { tone: "error" | "warning"; text: string } | null;

export function HistorySyncCard({
  channelId,
  platform,
  channelConnected,
  mayConfirmSharing,
}: {
  channelId: string;
  platform: Platform;
  channelConnected: boolean;
  /** Only admins confirm sharing old conversations ("Xác nhận chia"). */
  mayConfirmSharing: boolean;
}) {
  const t = useTranslations("historySync");
  const channelsText = useTranslations("channels.historySync");
  const platformName = { platform: platformNames[platform] };
  const format = useDateFormat();
  const { errorText } = useErrorText();
  const { load, refetch, show } = useHistorySync(channelId);
  const [busy, setBusy] = useState<"sync" | "confirm" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmationFolded, setConfirmationFolded] = useState(false);
  const titleId = useId();

  const time = (iso: string) => format.dayMonthTime(new Date(iso));

  async function requestSync() {
    setBusy("sync");
    setNotice(null);
    try {
      const { sync } = await apiFetch<{ sync: HistorySyncView | null }>(historySyncUrl(channelId), {
        method: "POST",
      });
      show(sync);
    } catch (error) {
      setNotice({ tone: "error", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  }

  async function confirm(shareCount: number) {
    setBusy("confirm");
    setNotice(null);
    try {
      const { sync } = await apiFetch<{ sync: HistorySyncView | null }>(
        `${historySyncUrl(channelId)}/apply`,
        {
          method: "POST",
          json: { shareCount },
        },
      );
      show(sync);
    } catch (error) {
      const changed = error instanceof ApiError && error.params.reason === "share_count_changed";
      setNotice(
        changed ? { tone: "warning", text: t("confirm.changed") } : { tone: "error", text: errorText(error) },
      );
      if (changed) await refetch();
    } finally {
      setBusy(null);
    }
  }

  if (load.status === "loading") return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (load.status === "error") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm text-red-700">
        <span>{t("loadError")}</span>
        <Button variant="ghost" onClick={() => void refetch()}>
          {t("retryLoad")}
        </Button>
      </div>
    );
  }

  const sync = load.sync;
  const syncButton = (label: string, variant: "primary" | "secondary" = "secondary") =>
    channelConnected && (
      <Button
        variant={variant}
        busy={busy === "sync"}
        onClick={() => void requestSync()}
        className="self-start"
      >
        {label}
      </Button>
    );

  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <h3 id={titleId} className="text-sm font-semibold text-slate-700">
        {t("title", platformName)}
      </h3>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {!sync && (
        <>
          <p className="text-sm text-slate-600">{t("notStarted")}</p>
          {syncButton(t("start"), "primary")}
        </>
      )}
      {sync && (sync.status === "queued" || sync.status === "running") && (
        <>
          <SyncProgress sync={sync} />
          {sync.problem && sync.retryAt && (
            <p role="status" className="text-sm text-amber-900">
              {t(`problems.${sync.problem}`, platformName)} {t("retryAt", { time: time(sync.retryAt) })}
            </p>
          )}
        </>
      )}
      {sync && (sync.status === "paused" || sync.status === "failed") && (
        <>
          <Alert tone={sync.status === "failed" ? "error" : "warning"}>
            {t(sync.status, { count: sync.threadsImported })} {sync.problem && t(`problems.${sync.problem}`, platformName)}
          </Alert>
          {channelConnected && <p className="text-xs text-slate-500">{t("resumeHint")}</p>}
          {syncButton(t("resume"), "primary")}
        </>
      )}
      {sync?.status === "done" && (
        <>
          <div>
            <p role="status" className="text-sm font-medium text-emerald-800">
              {t("done", { count: sync.threadsImported })}
            </p>
            <p className="text-xs text-slate-500">
              {t("doneDetail", {
                messages: sync.messagesImported,
                time: sync.finishedAt ? time(sync.finishedAt) : "",
              })}
            </p>
            {t.has(`limitNotes.${platform}`) && <p className="text-xs text-slate-500">{t(`limitNotes.${platform}`)}</p>}
          </div>
          {sync.confirmation && !mayConfirmSharing && (
            <p className="text-sm text-slate-600">
              {t("confirm.laterNote")} {channelsText("adminConfirmsSharing")}
            </p>
          )}
          {sync.confirmation && mayConfirmSharing && !confirmationFolded && (
            <PolicyConfirmation
              confirmation={sync.confirmation}
              busy={busy === "confirm"}
              onConfirm={() => void confirm(sync.confirmation?.shareCount ?? 0)}
              onLater={() => setConfirmationFolded(true)}
            />
          )}
          {sync.confirmation && mayConfirmSharing && confirmationFolded && (
            <div className="flex flex-col gap-2">
              <p className="text-sm text-slate-600">{t("confirm.laterNote")}</p>
              <Button variant="secondary" className="self-start" onClick={() => setConfirmationFolded(false)}>
                {t("confirm.review")}
              </Button>
            </div>
          )}
          {sync.distributed && sync.distributed.count > sync.distributed.queued && (
            <p className="text-sm text-slate-700">{t("distributed", { count: sync.distributed.count - sync.distributed.queued })}</p>
          )}
          {/* A self-claim rule hands nothing to anyone: they wait until a member presses "Nhận chat". */}
          {sync.distributed && sync.distributed.queued > 0 && (
            <p className="text-sm text-slate-700">{t("queued", { count: sync.distributed.queued })}</p>
          )}
          {sync.distributed?.count === 0 && !sync.confirmation && (
            <p className="text-sm text-slate-600">{t("kept")}</p>
          )}
          {syncButton(t("resync"))}
        </>
      )}
      {sync && <SkippedThreads sync={sync} platformName={platformName.platform} />}
    </section>
  );
}
