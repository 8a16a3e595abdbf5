// The left pane: tabs, search by customer name, platform/channel and label filters, and the
// conversation list with infinite scroll. The list is a listbox: arrow keys, Home and End move, Enter opens.
"use client";
import Link from "next/link";
import { useNow, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import type { InboxChannel } from "@/lib/inbox/list-inbox-channels";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ListFilter } from "@/components/inbox/inbox-api";
import type { useConversationList } from "@/components/inbox/use-conversation-list";
import { ConversationListItem } from "@/components/inbox/conversation-list-item";
import { InboxTabs, tabId, tabPanelId } from "@/components/inbox/inbox-tabs";
import { ListSkeleton } from "@/components/inbox/skeletons";
import { useInboxTime } from "@/components/inbox/use-inbox-time";
import { ChatIcon, SearchIcon } from "@/components/inbox/icons";
import { ChannelFilter } from "@/components/inbox/channel-filter";
import { LabelFilter } from "@/components/inbox/label-filter";
import { currentLabels, useLabels } from "@/components/labels/use-labels";

const SEARCH_SETTLE_MS = 300;

interface Props {
  tabs: ConversationTab[];
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  counts: ConversationCounts;
  list: ReturnType<typeof useConversationList>;
  channels: InboxChannel[];
  selectedId: string | null;
  onOpen: (conversationId: string) => void;
  suggestConnecting: boolean;
}

export function ConversationList({ tabs, filter, onFilterChange, counts, list, channels, selectedId, onOpen, suggestConnecting }: Props) {
  const t = useTranslations("inbox");
  const { errorText } = useErrorText();
  const time = useInboxTime();
  const now = useNow({ updateInterval: 60_000 });
  const [search, setSearch] = useState(filter.q);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const workspaceLabels = useLabels();

  useEffect(() => {
    if (search === filter.q) return;
    const timer = setTimeout(() => onFilterChange({ ...filter, q: search }), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onFilterChange]);

  const { hasMore, loadingMore, loadMoreError, loadMore } = list;
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore || loadingMore || loadMoreError) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && void loadMore(), { rootMargin: "200px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, loadMoreError, loadMore]);

  const items = list.items;
  const rovingId = items.some((item) => item.id === focusedId) ? focusedId : items.some((item) => item.id === selectedId) ? selectedId : items[0]?.id;

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const index = items.findIndex((item) => item.id === rovingId);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, moves[event.key]!))];
      if (!next) return;
      setFocusedId(next.id);
      listRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(next.id)}"]`)?.focus();
    } else if ((event.key === "Enter" || event.key === " ") && rovingId) {
      event.preventDefault();
      onOpen(rovingId);
    }
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <InboxTabs tabs={tabs} active={filter.tab} counts={counts} onChange={(tab) => onFilterChange({ ...filter, tab })} />
      <div className="flex flex-col gap-2 border-b border-slate-200 p-3">
        <label className="min-w-0">
          <span className="sr-only">{t("searchLabel")}</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("searchPlaceholder")}
            maxLength={100}
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
          />
        </label>
        {/* The filters share a row under the search box, each half of it when both show. */}
        <div className="flex gap-2 empty:hidden *:min-w-0 *:flex-1">
          {channels.length > 1 && <ChannelFilter channels={channels} filter={filter} onChange={onFilterChange} />}
          <LabelFilter workspace={workspaceLabels} filter={filter} onChange={onFilterChange} />
        </div>
      </div>
      <div id={tabPanelId} role="tabpanel" aria-labelledby={tabId(filter.tab)} className="min-h-0 flex-1 overflow-y-auto">
        {list.status === "loading" && <ListSkeleton label={t("loadingConversations")} />}
        {list.status === "error" && (
          <div className="flex flex-col items-start gap-3 p-4">
            <Alert tone="error">{errorText(list.error)}</Alert>
            <Button variant="secondary" onClick={list.retry}>
              {t("retry")}
            </Button>
          </div>
        )}
        {list.status === "ready" && items.length === 0 && <EmptyList filter={filter} suggestConnecting={suggestConnecting} />}
        {list.status === "ready" && items.length > 0 && (
          <ul ref={listRef} role="listbox" aria-label={t(`tabs.${filter.tab}`)} onKeyDown={onKeyDown} className="divide-y divide-slate-100">
            {items.map((conversation) => (
              <ConversationListItem
                key={conversation.id}
                conversation={conversation}
                labels={currentLabels(conversation.labels, workspaceLabels)}
                selected={conversation.id === selectedId}
                focusable={conversation.id === rovingId}
                showOwner={filter.tab !== "mine"}
                time={time.listTime(conversation.lastMessageAt, now)}
                onOpen={() => {
                  setFocusedId(conversation.id);
                  onOpen(conversation.id);
                }}
              />
            ))}
          </ul>
        )}
        {list.status === "ready" && hasMore && (
          <div ref={sentinel} className="flex justify-center p-3">
            {loadMoreError ? (
              <Button variant="secondary" onClick={() => void loadMore()}>
                {t("loadMoreFailed")}
              </Button>
            ) : (
              <span className="text-sm text-slate-500">{t("loadingMore")}</span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function EmptyList({ filter, suggestConnecting }: { filter: ListFilter; suggestConnecting: boolean }) {
  const t = useTranslations("inbox.empty");
  const q = filter.q.trim();
  const connect = suggestConnecting && q === "";
  const [title, body] =
    q !== ""
      ? [t("searchTitle", { q }), t("searchBody")]
      : connect
        ? [t("noChannelTitle"), t("noChannelBody")]
        : [t(`${filter.tab}Title`), t(`${filter.tab}Body`)];
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      {q !== "" ? <SearchIcon className="size-10 text-slate-300" /> : <ChatIcon className="size-10 text-slate-300" />}
      <h2 className="mt-2 font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{body}</p>
      {connect && (
        <Link href="/settings/channels" className={buttonClasses("primary", "mt-4")}>
          {t("connectPage")}
        </Link>
      )}
    </div>
  );
}
