// A page's history sync as the card shows it: fetched once, then kept current by the
// `history-sync:progress` event. While the live connection is down it polls instead (as long as the
// sync may change by itself), and it refetches after every reconnect, so a missed event never leaves
// the card stale.
"use client";
import { useCallback, useEffect, useState } from "react";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";
import { apiFetch } from "@/lib/client/api-fetch";
import { useOnReconnect, useRealtimeConnected, useRealtimeEvent } from "@/components/realtime/use-realtime";

const POLL_MS = 5_000;

export type SyncLoad =
  | { status: "loading" }
  | { status: "error" }
  | { status: "ready"; sync: HistorySyncView | null };

export function historySyncUrl(channelId: string): string {
  return `/api/channels/${encodeURIComponent(channelId)}/history-sync`;
}

/** Null when the fetch failed. */
async function fetchSync(channelId: string): Promise<{ sync: HistorySyncView | null } | null> {
  try {
    return await apiFetch<{ sync: HistorySyncView | null }>(historySyncUrl(channelId));
  } catch {
    return null;
  }
}

export function useHistorySync(channelId: string) {
  const [load, setLoad] = useState<SyncLoad>({ status: "loading" });
  const connected = useRealtimeConnected();

  const apply = useCallback((result: { sync: HistorySyncView | null } | null) => {
    // On failure keep what is shown; only a card that never loaded shows the error.
    setLoad((current) =>
      result
        ? { status: "ready", sync: result.sync }
        : current.status === "ready"
          ? current
          : { status: "error" },
    );
  }, []);
  const refetch = useCallback(async () => apply(await fetchSync(channelId)), [apply, channelId]);

  useEffect(() => {
    let active = true;
    void fetchSync(channelId).then((result) => active && apply(result));
    return () => {
      active = false;
    };
  }, [apply, channelId]);

  useRealtimeEvent(
    "history-sync:progress",
    useCallback(
      ({ sync }) => {
        if (sync.channelId === channelId) setLoad({ status: "ready", sync });
      },
      [channelId],
    ),
  );
  useOnReconnect(useCallback(() => void refetch(), [refetch]));

  // Without the live connection, poll while something may change by itself: a running sync, or one
  // the wizard is about to start.
  const changing =
    load.status === "ready" &&
    (load.sync === null || load.sync.status === "queued" || load.sync.status === "running");
  useEffect(() => {
    if (!changing || connected) return;
    const timer = setInterval(() => void refetch(), POLL_MS);
    return () => clearInterval(timer);
  }, [changing, connected, refetch]);

  /** Shows a view the server just answered with (after a start or a confirmation). */
  const show = useCallback((sync: HistorySyncView | null) => setLoad({ status: "ready", sync }), []);

  return { load, refetch, show };
}
