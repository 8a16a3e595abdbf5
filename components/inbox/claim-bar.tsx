// The bottom of a conversation waiting in "Chờ nhận": read-only until claimed. Losing the race names
// the winner ("Hội thoại đã được nhận bởi …").
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Button } from "@/components/ui/button";

export function ClaimBar({ conversationId, onClaimed, onLost }: { conversationId: string; onClaimed: () => void; onLost: (byName: string | null) => void }) {
  const t = useTranslations("inbox.claim");
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function claim() {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/conversations/${encodeURIComponent(conversationId)}/claim`, { method: "POST" });
      onClaimed();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "conflict") onLost(typeof caught.params.name === "string" ? caught.params.name : null);
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-amber-200 bg-amber-50 px-4 py-3">
      <p className="min-w-0 flex-1 text-sm text-amber-900">{error ?? t("hint")}</p>
      <Button busy={busy} onClick={() => void claim()}>
        {t("button")}
      </Button>
    </div>
  );
}
