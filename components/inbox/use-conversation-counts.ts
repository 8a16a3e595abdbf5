// Tab badges. Re-asked (at most every 300 ms) after live changes and reconnects rather than
// computed from events, so a missed event cannot leave a wrong number behind.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import { fetchCounts } from "@/components/inbox/inbox-api";

const SETTLE_MS = 300;

export function useConversationCounts() {
  const [counts, setCounts] = useState<ConversationCounts>({});
  const [asked, setAsked] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let current = true;
    fetchCounts().then(
      (next) => current && setCounts(next),
      // Badges are a convenience: on failure keep the last numbers; the next change asks again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [asked]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setAsked((value) => value + 1), SETTLE_MS);
  }, []);

  return { counts, refresh };
}
