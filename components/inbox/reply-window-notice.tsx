// How long the customer can still be answered: "Còn 23 giờ để trả lời" in the open phase, the days
// left in a tagged phase (Messenger's HUMAN_AGENT, up to 7 days), then closed. The schedule comes
// with the conversation from the platform's provider, the same one the sender judges by.
"use client";
import { useNow, useTranslations } from "next-intl";
import { replyWindowAt, scheduleFromJson, type ReplyWindow, type ReplyWindowScheduleJson } from "@/lib/channels/reply-window";
import { ClockIcon, WarningIcon } from "@/components/inbox/icons";

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function useReplyWindow(schedule: ReplyWindowScheduleJson): ReplyWindow {
  const now = useNow({ updateInterval: 30_000 });
  return replyWindowAt(scheduleFromJson(schedule), now);
}

export function ReplyWindowNotice({ window }: { window: ReplyWindow }) {
  const t = useTranslations("inbox.replyWindow");
  if (window.state === "closed") {
    return <p className="border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">{window.reason === "never_wrote" ? t("neverWrote") : t("closed")}</p>;
  }
  const hours = Math.floor(window.remainingMs / HOUR_MS);
  if (window.state === "open") {
    const text = hours >= 1 ? t("responseHours", { hours }) : t("responseMinutes", { minutes: Math.max(1, Math.floor(window.remainingMs / 60_000)) });
    return (
      <p className={`flex items-center gap-1.5 border-t px-4 py-1.5 text-xs ${hours < 2 ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-600"}`}>
        <ClockIcon className="size-3.5" />
        {text}
      </p>
    );
  }
  const days = Math.floor(window.remainingMs / DAY_MS);
  return (
    <p className="flex items-center gap-1.5 border-t border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900">
      <WarningIcon className="size-3.5" />
      {days >= 1 ? t("humanAgentDays", { days }) : t("humanAgentHours", { hours: Math.max(1, hours) })}
    </p>
  );
}
