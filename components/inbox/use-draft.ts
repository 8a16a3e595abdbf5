// The composer's unsent text per conversation, kept in localStorage so switching conversations,
// reloading or a failed send never loses what was typed.
"use client";
import { useCallback, useState } from "react";

const keyOf = (viewerId: string, conversationId: string) => `inbox-draft:${viewerId}:${conversationId}`;

function readDraft(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

export function useDraft(viewerId: string, conversationId: string) {
  const key = keyOf(viewerId, conversationId);
  const [draft, setDraftState] = useState(() => (typeof window === "undefined" ? "" : readDraft(key)));
  const setDraft = useCallback(
    (next: string | ((current: string) => string)) => {
      setDraftState((current) => {
        const text = typeof next === "function" ? next(current) : next;
        try {
          if (text) window.localStorage.setItem(key, text);
          else window.localStorage.removeItem(key);
        } catch {
          // Storage full or blocked (private mode): the draft still lives for this page view.
        }
        return text;
      });
    },
    [key],
  );
  return [draft, setDraft] as const;
}
