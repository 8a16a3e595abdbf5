// Opening a conversation where a colleague mentioned the viewer marks those mentions seen (the
// server's /seen also does the assignee's unread count). Once per opened thread, while the tab is
// visible: the viewer has then had the note in front of them.
"use client";
import { useEffect, useRef } from "react";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { postSeen } from "@/components/inbox/inbox-api";

export function useNoteMentionsSeen(conversationId: string, viewerId: string, messages: readonly MessageDto[]) {
  const marked = useRef<Set<string>>(new Set());
  const mentionedIds = messages
    .filter((message) => message.direction === "note" && message.mentions.some((mention) => mention.id === viewerId))
    .map((message) => message.id)
    .join(",");

  useEffect(() => {
    const unmarked = mentionedIds.split(",").filter((id) => id && !marked.current.has(id));
    if (unmarked.length === 0) return;
    const mark = () => {
      if (document.visibilityState !== "visible") return;
      unmarked.forEach((id) => marked.current.add(id));
      void postSeen(conversationId).catch(() => undefined);
      document.removeEventListener("visibilitychange", mark);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [conversationId, mentionedIds]);
}
