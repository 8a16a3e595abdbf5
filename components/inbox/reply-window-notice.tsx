// How long the customer can still be answered on Messenger: "Còn 23 giờ để trả lời", then the
// HUMAN_AGENT tag up to 7 days, then closed. Same rule as the sender (lib/channels/facebook/reply-window.ts).
"use client";
import { useNow, useTranslations } from "next-intl";
import { replyWindow, type ReplyWindow } from "@/lib/channels/facebook/reply-window";
import { ClockIcon, WarningIcon } from "@/components/inbox/icons";

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function useReplyWindow(lastInboundAt: string | null): ReplyWindow {
  const now = useNow({ updateInterval: 30_000 });
  return replyWindow(lastInboundAt ? new Date(lastInboundAt) : null, now);
}

export function ReplyWindowNotice({ window }: { window: ReplyWindow }) {
  const t = useTranslations("inbox.replyWindow");
  if (window.kind === "closed") {
    return <p className="border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">{window.closedAt ? t("closed") : t("neverWrote")}</p>;
  }
  const hours = Math.floor(window.remainingMs / HOUR_MS);
  if (window.kind === "response") {
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
