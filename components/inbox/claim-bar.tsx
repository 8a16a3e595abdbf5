// The bottom of a conversation waiting in "Chờ nhận": read-only until claimed with "Nhận chat"
// (the rules feature's ClaimButton). Losing the race hands the winner's name to the thread, which
// then shows "Hội thoại đã được nhận bởi …".
"use client";
import { useTranslations } from "next-intl";
import { ClaimButton } from "@/components/rules/claim-button";

export function ClaimBar({ conversationId, onClaimed, onLost }: { conversationId: string; onClaimed: () => void; onLost: (byName: string | null) => void }) {
  const t = useTranslations("inbox.claim");
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-amber-200 bg-amber-50 px-4 py-3">
      <p className="min-w-0 flex-1 text-sm text-amber-900">{t("hint")}</p>
      <ClaimButton conversationId={conversationId} onClaimed={onClaimed} onLost={onLost} />
    </div>
  );
}
