// The workspace's labels with the viewer's counts, shared by everything on the page that shows them
// (the list's filter and chips, the side panel's picker, the admin screen): one request per change,
// not one per component. Asked again when any label changes ("labels:changed") and after a gap in
// the events.
"use client";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { LabelDto, LabelWithCount } from "@/lib/labels/label-input";
import { useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";

export interface LabelsState {
  status: "loading" | "ready" | "error";
  labels: LabelWithCount[];
  error: unknown;
}

let state: LabelsState = { status: "loading", labels: [], error: null };
const listeners = new Set<() => void>();
let inFlight: Promise<void> | null = null;
/** A change announced while a request was on its way: its answer may predate the change. */
let askAgain = false;

function setState(next: LabelsState) {
  state = next;
  listeners.forEach((notify) => notify());
}

function refreshLabels(): Promise<void> {
  if (inFlight) {
    askAgain = true;
    return inFlight;
  }
  inFlight = (async () => {
    try {
      const { labels } = await apiFetch<{ labels: LabelWithCount[] }>("/api/labels");
      setState({ status: "ready", labels, error: null });
    } catch (error) {
      // Labels already shown stay shown; only a first load that failed is an error state.
      if (state.status !== "ready") setState({ status: "error", labels: [], error });
    } finally {
      inFlight = null;
      if (askAgain) {
        askAgain = false;
        void refreshLabels();
      }
    }
  })();
  return inFlight;
}

// Every component using the labels hears "labels:changed": their calls in one tick make one request.
let scheduled = false;
function scheduleRefresh(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void refreshLabels();
  }, 0);
}

const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => listeners.delete(notify);
};

export function useLabels() {
  const current = useSyncExternalStore(subscribe, () => state, () => state);
  const refresh = useCallback(() => scheduleRefresh(), []);
  useEffect(() => {
    if (state.status !== "ready") refresh();
  }, [refresh]);
  useRealtimeEvent("labels:changed", refresh);
  useOnReconnect(refresh);
  return { ...current, refresh };
}

/**
 * The labels a conversation shows: the workspace's current name and colour of each (a rename
 * shows at once, without republishing every conversation that has it), and none that was deleted.
 * Until the labels have loaded, the conversation's own copy.
 */
export function currentLabels(labels: LabelDto[], workspace: LabelsState): LabelDto[] {
  if (workspace.status !== "ready") return labels;
  const byId = new Map(workspace.labels.map((label) => [label.id, label]));
  return labels.flatMap((label) => {
    const latest = byId.get(label.id);
    return latest ? [{ id: latest.id, name: latest.name, color: latest.color }] : [];
  });
}
