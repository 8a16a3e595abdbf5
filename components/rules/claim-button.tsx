// "Nhận chat" for a conversation in the "Chờ nhận" queue. Losing the race shows "Hội thoại đã được
// nhận bởi {name}" and tells the caller, which drops the conversation from the queue.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ClaimButton({
  conversationId,
  onClaimed,
  onLost,
  className = "",
}: {
  conversationId: string;
  onClaimed?: (conversation: ConversationSummary) => void;
  /** Someone else has it now (their name when known), or it left the queue. */
  onLost?: (byName: string | null) => void;
  className?: string;
}) {
  const t = useTranslations("rules.claim");
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Someone else has it: pressing again could only fail the same way. */
  const [lost, setLost] = useState(false);

  async function claim() {
    setBusy(true);
    setError(null);
    try {
      const { conversation } = await apiFetch<{ conversation: ConversationSummary }>(
        `/api/conversations/${encodeURIComponent(conversationId)}/claim`,
        { method: "POST" },
      );
      onClaimed?.(conversation);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "conflict") {
        const name = typeof caught.params.name === "string" ? caught.params.name : null;
        setError(name ? t("claimedBy", { name }) : t("notWaiting"));
        setLost(true);
        onLost?.(name);
      } else if (caught instanceof ApiError && caught.code === "forbidden") setError(t("forbidden"));
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      {error && <Alert tone="error">{error}</Alert>}
      <Button onClick={() => void claim()} busy={busy} disabled={lost}>
        {t("button")}
      </Button>
    </div>
  );
}
