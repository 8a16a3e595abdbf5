// How long the customer can still be answered: "Còn 23 giờ để trả lời" in the open phase, the days
// left in a tagged phase (Messenger's HUMAN_AGENT, up to 7 days), then closed. Where the platform
// charges for late replies (Zalo: after 48 h or the 8th reply), the free phase says it is free and
// how many free replies are left, and a reply that will count against the paid quota is warned
// about before it is sent. The schedule comes with the conversation from the platform's provider,
// the same one the sender judges by.
"use client";
import { useNow, useTranslations } from "next-intl";
import { replyWindowAt, scheduleFromJson, type ReplyWindow, type ReplyWindowScheduleJson } from "@/lib/channels/reply-window";
import { ClockIcon, WarningIcon } from "@/components/inbox/icons";
import { useChannelWords } from "@/components/channels/use-channel-words";
import type { Platform } from "@/lib/generated/prisma/enums";

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function useReplyWindow(schedule: ReplyWindowScheduleJson): ReplyWindow {
  const now = useNow({ updateInterval: 30_000 });
  return replyWindowAt(scheduleFromJson(schedule), now);
}

const closedTexts = { never_wrote: "neverWrote", expired: "closed", quota_used: "quotaUsed" } as const;

export function ReplyWindowNotice({ window, schedule, platform }: { window: ReplyWindow; schedule: ReplyWindowScheduleJson; platform: Platform }) {
  const t = useTranslations("inbox.replyWindow");
  const { wordsOf } = useChannelWords();
  if (window.state === "closed") {
    return <p className="border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">{t(closedTexts[window.reason], { ...wordsOf(platform) })}</p>;
  }
  const hours = Math.floor(window.remainingMs / HOUR_MS);
  const days = Math.floor(window.remainingMs / DAY_MS);
  if (window.cost === "paid_quota") {
    const left = days >= 1 ? t("closesInDays", { days }) : t("closesInHours", { hours: Math.max(1, hours) });
    return (
      <p role="status" className="flex items-start gap-1.5 border-t border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
        <WarningIcon className="mt-0.5 size-4" />
        <span>
          <strong className="font-semibold">{t("paidQuotaTitle")}</strong> {t("paidQuota", { ...wordsOf(platform) })} {left}
        </span>
      </p>
    );
  }
  if (window.state === "open") {
    // A platform that charges for later replies: this phase is the free one, and it may count them.
    const free = schedule.phases.some((phase) => phase.cost === "paid_quota");
    const minutes = Math.max(1, Math.floor(window.remainingMs / 60_000));
    const time = hours >= 1 ? t(free ? "freeHours" : "responseHours", { hours }) : t(free ? "freeMinutes" : "responseMinutes", { minutes });
    const text = free && window.phaseRepliesLeft !== null ? `${time} · ${t("freeRepliesLeft", { count: window.phaseRepliesLeft })}` : time;
    return (
      <p className={`flex items-center gap-1.5 border-t px-4 py-1.5 text-xs ${hours < 2 ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-600"}`}>
        <ClockIcon className="size-3.5" />
        {text}
      </p>
    );
  }
  return (
    <p className="flex items-center gap-1.5 border-t border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900">
      <WarningIcon className="size-3.5" />
      {days >= 1 ? t("humanAgentDays", { days }) : t("humanAgentHours", { hours: Math.max(1, hours) })}
    </p>
  );
}
