// The in-page notice of an @mention: who mentioned the viewer, in which conversation, the note's
// start, and a button that opens it. Stays until opened or dismissed, so it is not missed.
"use client";
import { useTranslations } from "next-intl";
import { useNoteMentionAlerts } from "@/components/inbox/use-note-mention-alerts";

export function NoteMentionToasts({ enabled, onOpen }: { enabled: boolean; onOpen: (conversationId: string) => void }) {
  const t = useTranslations("notes.alert");
  const { notices, describe, dismiss } = useNoteMentionAlerts({ enabled, onOpen });
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-2 bottom-2 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4 sm:bottom-4">
      {notices.map((notice) => {
        const text = describe(notice);
        return (
          <div key={notice.messageId} role="status" className="pointer-events-auto w-full max-w-sm rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm shadow-lg" data-testid="note-mention-toast">
            <p className="font-semibold text-amber-950">{text.title}</p>
            <p className="mt-0.5 line-clamp-3 text-slate-700">{text.body}</p>
            <div className="mt-2 flex justify-end gap-2">
              <button type="button" onClick={() => dismiss(notice.messageId)} className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-amber-100 focus:ring-2 focus:ring-amber-500 focus:outline-none">
                {t("dismiss")}
              </button>
              <button
                type="button"
                onClick={() => {
                  dismiss(notice.messageId);
                  onOpen(notice.conversationId);
                }}
                className="rounded-md bg-amber-600 px-2 py-1 text-xs font-medium text-white hover:bg-amber-700 focus:ring-2 focus:ring-amber-500 focus:ring-offset-1 focus:outline-none"
              >
                {t("open")}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
