// "@Tên" in a colleague's note: the mentioned user is told at once, whatever conversation they are
// in — a notice in the page (note-mention-toasts.tsx) and, while the tab is hidden and alerts are on,
// the same desktop notification and chime as a new customer message (use-inbox-alerts.ts).
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { playChime, showNotification } from "@/components/inbox/use-inbox-alerts";

export type MentionNotice = ServerEventPayload<"note:mentioned">;

/** A few at most: older notices give way to newer ones. */
const SHOWN_NOTICES = 3;

export function useNoteMentionAlerts({ enabled, onOpen }: { enabled: boolean; onOpen: (conversationId: string) => void }) {
  const t = useTranslations("notes.alert");
  const [notices, setNotices] = useState<MentionNotice[]>([]);

  const describe = useCallback(
    (notice: MentionNotice) => ({
      title: t("title", { author: notice.author.name }),
      body: t("body", { customer: notice.customerName ?? t("unknownCustomer"), excerpt: notice.excerpt }),
    }),
    [t],
  );

  useRealtimeEvent(
    "note:mentioned",
    useCallback(
      (notice: MentionNotice) => {
        setNotices((shown) => [...shown.filter((item) => item.messageId !== notice.messageId), notice].slice(-SHOWN_NOTICES));
        if (!enabled || document.visibilityState === "visible") return;
        playChime();
        showNotification({ ...describe(notice), tag: `note-${notice.messageId}` }, () => onOpen(notice.conversationId));
      },
      [enabled, describe, onOpen],
    ),
  );

  const dismiss = useCallback((messageId: string) => setNotices((shown) => shown.filter((item) => item.messageId !== messageId)), []);
  return { notices, describe, dismiss };
}
