// The inbox tabs ("Của tôi", "Chờ nhận", "Tất cả", "Hội thoại cũ") with their badges; arrow keys
// move between tabs as the ARIA tabs pattern expects.
"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";

export const tabPanelId = "inbox-tab-panel";
export const tabId = (tab: ConversationTab) => `inbox-tab-${tab}`;

/** The queue badge counts every waiting conversation; the other tabs count those with unread messages. */
export function badgeOf(tab: ConversationTab, counts: ConversationCounts): number {
  return counts[tab] ?? 0;
}

export function InboxTabs({ tabs, active, counts, onChange }: { tabs: ConversationTab[]; active: ConversationTab; counts: ConversationCounts; onChange: (tab: ConversationTab) => void }) {
  const t = useTranslations("inbox.tabs");
  const refs = useRef(new Map<ConversationTab, HTMLButtonElement>());

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onChange(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div role="tablist" aria-label={t("label")} className="flex gap-1 overflow-x-auto px-2 pt-2">
      {tabs.map((tab, index) => {
        const badge = badgeOf(tab, counts);
        const selected = tab === active;
        return (
          <button
            key={tab}
            ref={(element) => {
              if (element) refs.current.set(tab, element);
              else refs.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={selected}
            aria-controls={tabPanelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`flex shrink-0 items-center gap-1.5 rounded-t-lg border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
              selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t(tab)}
            {badge > 0 && (
              <span className={`rounded-full px-1.5 py-0.5 text-xs leading-none ${tab === "queue" ? "bg-amber-100 text-amber-900" : "bg-brand-600 text-white"}`}>
                <span className="sr-only">{t(tab === "queue" ? "waitingCount" : "unreadCount", { count: badge })}</span>
                <span aria-hidden>{badge > 99 ? "99+" : badge}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
