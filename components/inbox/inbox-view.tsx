// "Chat đa kênh": the conversation list and the open thread — side by side on laptops, two screens
// with a back button on phones. The open conversation lives in the URL (?c=id) so the browser's
// back button and notifications can reach it.
"use client";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import type { InboxChannel } from "@/lib/inbox/list-inbox-channels";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useInboxPresence, useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";
import type { ListFilter } from "@/components/inbox/inbox-api";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ConversationThread } from "@/components/inbox/conversation-thread";
import { InboxHeader } from "@/components/inbox/inbox-header";
import { badgeOf } from "@/components/inbox/inbox-tabs";
import { useConversationCounts } from "@/components/inbox/use-conversation-counts";
import { useConversationList } from "@/components/inbox/use-conversation-list";
import { useInboxAlerts } from "@/components/inbox/use-inbox-alerts";
import { useNotificationSetting } from "@/components/inbox/use-notification-setting";
import { NoteMentionToasts } from "@/components/inbox/note-mention-toasts";
import { ChatIcon } from "@/components/inbox/icons";
import { ShortcutsOverlay } from "@/components/inbox/shortcuts-overlay";
import { useInboxShortcuts } from "@/components/inbox/use-inbox-shortcuts";
import { apiFetch } from "@/lib/client/api-fetch";

interface Props {
  viewer: { id: string; role: "admin" | "agent" };
  tabs: ConversationTab[];
  channels: InboxChannel[];
  /** An admin of a workspace with no page yet: the empty inbox leads to "Cấu hình Kênh chat". */
  suggestConnecting: boolean;
}

export function InboxView({ viewer, tabs, channels, suggestConnecting }: Props) {
  const t = useTranslations("inbox");
  const selectedId = useSearchParams().get("c");
  const [filter, setFilter] = useState<ListFilter>({ tab: "mine", platform: null, channelId: null, labelId: null, q: "" });
  const [panelOpen, setPanelOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [shortcutNotice, setShortcutNotice] = useState<string | null>(null);
  const shortcutsText = useTranslations("shortcuts");
  const list = useConversationList(filter, viewer.id);
  const { counts, refresh: refreshCounts } = useConversationCounts();
  const { enabled: alertsOn } = useNotificationSetting();
  useInboxPresence();

  const open = useCallback((conversationId: string) => {
    window.history.pushState({ inboxThread: true }, "", `/inbox?c=${encodeURIComponent(conversationId)}`);
  }, []);
  const back = useCallback(() => {
    // Opening pushed a history entry: going back pops it, so the phone's own back button agrees.
    if ((window.history.state as { inboxThread?: boolean } | null)?.inboxThread) window.history.back();
    else window.history.replaceState(null, "", "/inbox");
  }, []);

  const { upsert, remove, catchUp } = list;
  useRealtimeEvent(
    "conversation:upsert",
    useCallback(({ conversation }: ServerEventPayload<"conversation:upsert">) => {
      upsert(conversation);
      refreshCounts();
    }, [upsert, refreshCounts]),
  );
  useRealtimeEvent(
    "conversation:removed",
    useCallback(({ conversationId }: ServerEventPayload<"conversation:removed">) => {
      remove(conversationId);
      refreshCounts();
    }, [remove, refreshCounts]),
  );
  useOnReconnect(
    useCallback(() => {
      void catchUp();
      refreshCounts();
    }, [catchUp, refreshCounts]),
  );

  const describe = useCallback(
    (conversation: ConversationSummary) => ({
      title: conversation.contact.name ?? t("unknownCustomer", { platform: platformNames[conversation.channel.platform] }),
      body: `${conversation.channel.name}: ${conversation.lastMessagePreview ?? ""}`,
    }),
    [t],
  );
  useInboxAlerts({
    viewerId: viewer.id,
    isAdmin: viewer.role === "admin",
    unread: badgeOf("mine", counts) + badgeOf("queue", counts),
    enabled: alertsOn,
    title: t("title"),
    describe,
    onOpen: open,
  });

  // "e" does what "Đánh dấu đã xử lý" does, for whoever that button shows to (assignment-panel.tsx).
  const selected = list.items.find((item) => item.id === selectedId);
  const mayClose = selected && selected.state !== "closed" && (viewer.role === "admin" || selected.assignee?.id === viewer.id);
  const closeSelected = useCallback(
    (conversationId: string) =>
      void apiFetch(`/api/conversations/${encodeURIComponent(conversationId)}/close`, { method: "POST", json: {} }).then(
        () => setShortcutNotice(shortcutsText("closed")),
        () => setShortcutNotice(shortcutsText("closeFailed")),
      ),
    [shortcutsText],
  );
  useInboxShortcuts({
    ids: list.items.map((item) => item.id),
    selectedId,
    open,
    close: mayClose ? () => closeSelected(selected.id) : null,
    showHelp: () => setShortcutsOpen(true),
  });
  useEffect(() => {
    if (!shortcutNotice) return;
    const timer = setTimeout(() => setShortcutNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [shortcutNotice]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape in the shortcuts dialog closes the dialog only.
      if (event.key !== "Escape" || event.defaultPrevented || shortcutsOpen) return;
      if (panelOpen) setPanelOpen(false);
      else if (selectedId && window.matchMedia("(max-width: 767px)").matches && !(event.target instanceof HTMLTextAreaElement)) back();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [panelOpen, selectedId, back, shortcutsOpen]);

  return (
    <div className="flex h-full flex-col">
      <InboxHeader className={selectedId ? "hidden md:flex" : "flex"} />
      <NoteMentionToasts enabled={alertsOn} onOpen={open} />
      <ShortcutsOverlay open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <p role="status" className={shortcutNotice ? "fixed bottom-4 left-1/2 z-20 -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg" : "sr-only"}>
        {shortcutNotice}
      </p>
      <div className="flex min-h-0 flex-1">
        <div className={`${selectedId ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-slate-200 bg-white md:w-80 md:border-r lg:w-96`}>
          <ConversationList
            tabs={tabs}
            filter={filter}
            onFilterChange={setFilter}
            counts={counts}
            list={list}
            channels={channels}
            selectedId={selectedId}
            onOpen={open}
            suggestConnecting={suggestConnecting}
          />
        </div>
        <div data-inbox-thread className={`${selectedId ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col bg-white`}>
          {selectedId ? (
            <ConversationThread
              key={selectedId}
              conversationId={selectedId}
              viewerId={viewer.id}
              isAdmin={viewer.role === "admin"}
              onBack={back}
              panelOpen={panelOpen}
              onTogglePanel={() => setPanelOpen((value) => !value)}
            />
          ) : (
            <div className="flex flex-1 flex-col items-center justify-center p-6 text-center text-slate-500">
              <ChatIcon className="size-12 text-slate-300" />
              <p className="mt-3 text-sm">{t("pickConversation")}</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
