// The conversation list of one tab and filter: first page, infinite scroll, live updates and a
// catch-up after a gap in the events (a reconnect, a resync): the server is asked for what changed
// since the newest change this list had seen, and that is merged in place; when too much changed,
// the list is loaded again.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import { fetchConversationChanges, fetchConversationPage, type ListFilter } from "@/components/inbox/inbox-api";
import { matchesFilter, placeConversation } from "@/components/inbox/conversation-order";

interface LoadedList {
  /** The filter these rows answer; rows of another filter are never shown. */
  key: string;
  items: ConversationSummary[];
  status: "loading" | "ready" | "error";
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
}

const empty = { items: [], error: null, hasMore: false, loadingMore: false, loadMoreError: null };

export function useConversationList(filter: ListFilter, viewerId: string) {
  const key = JSON.stringify([filter.tab, filter.platform, filter.channelId, filter.labelId, filter.q.trim()]);
  const [list, setList] = useState<LoadedList>({ key, status: "loading", ...empty });
  const cursor = useRef<string | null>(null);
  // Answers to an older filter (or an older refresh) arrive late and must not overwrite newer ones.
  const generation = useRef(0);
  const latest = useRef({ filter, key });
  useEffect(() => {
    latest.current = { filter, key };
  });
  // Live changes that arrive while a first page is on its way: the page may have been read before
  // they happened, so they are applied again on top of it (null = removed).
  const arrivedWhileFetching = useRef<Map<string, ConversationSummary | null> | null>(null);
  // The newest change seen (first page, later pages, live events): where a catch-up starts from.
  const newestSeen = useRef<string | null>(null);
  const see = useCallback((summaries: ConversationSummary[]) => {
    for (const { updatedAt } of summaries) if (!newestSeen.current || updatedAt > newestSeen.current) newestSeen.current = updatedAt;
  }, []);

  const fetchFirstPage = useCallback(async () => {
    const mine = ++generation.current;
    const { filter: asked, key: askedKey } = latest.current;
    const arrived = new Map<string, ConversationSummary | null>();
    arrivedWhileFetching.current = arrived;
    try {
      const page = await fetchConversationPage(asked, null);
      if (mine !== generation.current) return;
      see(page.conversations);
      arrivedWhileFetching.current = null;
      cursor.current = page.nextCursor;
      const hasMore = page.nextCursor !== null;
      let items = page.conversations;
      for (const [id, summary] of arrived) {
        const listed = items.some((item) => item.id === id);
        items = summary ? placeConversation(items, summary, matchesFilter(summary, asked, viewerId, listed), hasMore) : items.filter((item) => item.id !== id);
      }
      setList({ key: askedKey, status: "ready", ...empty, items, hasMore });
    } catch (error) {
      if (mine === generation.current) setList({ key: askedKey, status: "error", ...empty, error });
    }
  }, [viewerId, see]);

  useEffect(() => {
    void fetchFirstPage();
  }, [key, fetchFirstPage]);

  const retry = useCallback(() => {
    setList((current) => ({ ...current, status: "loading", error: null }));
    void fetchFirstPage();
  }, [fetchFirstPage]);

  const loadMore = useCallback(async () => {
    const from = cursor.current;
    if (!from) return;
    const mine = generation.current;
    setList((current) => ({ ...current, loadingMore: true, loadMoreError: null }));
    try {
      const page = await fetchConversationPage(latest.current.filter, from);
      if (mine !== generation.current || cursor.current !== from) return;
      see(page.conversations);
      cursor.current = page.nextCursor;
      setList((current) => {
        const known = new Set(current.items.map((item) => item.id));
        const fresh = page.conversations.filter((item) => !known.has(item.id));
        return { ...current, items: [...current.items, ...fresh], hasMore: page.nextCursor !== null, loadingMore: false };
      });
    } catch (error) {
      if (mine === generation.current) setList((current) => ({ ...current, loadingMore: false, loadMoreError: error }));
    }
  }, [see]);

  const upsert = useCallback(
    (summary: ConversationSummary) => {
      see([summary]);
      arrivedWhileFetching.current?.set(summary.id, summary);
      setList((current) => {
        if (current.status !== "ready" || current.key !== latest.current.key) return current;
        const listed = current.items.some((item) => item.id === summary.id);
        const belongs = matchesFilter(summary, latest.current.filter, viewerId, listed);
        return { ...current, items: placeConversation(current.items, summary, belongs, current.hasMore) };
      });
    },
    [viewerId, see],
  );

  const remove = useCallback((conversationId: string) => {
    arrivedWhileFetching.current?.set(conversationId, null);
    setList((current) => ({ ...current, items: current.items.filter((item) => item.id !== conversationId) }));
  }, []);

  const catchUp = useCallback(async () => {
    const since = newestSeen.current;
    if (!since) return fetchFirstPage();
    try {
      const changes = await fetchConversationChanges(since);
      if (!changes.complete) return fetchFirstPage();
      changes.conversations.forEach(upsert);
    } catch {
      await fetchFirstPage();
    }
  }, [fetchFirstPage, upsert]);

  const shown = list.key === key ? list : { key, status: "loading" as const, ...empty };
  return { ...shown, refresh: fetchFirstPage, catchUp, retry, loadMore, upsert, remove };
}
