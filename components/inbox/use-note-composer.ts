// The note composer's state: the draft (kept per conversation like the reply's, apart from it), the
// colleagues picked with "@", the list of who may be mentioned (fetched once per conversation), and
// the send, which keeps its clientMessageId across a network failure so a second press never stores
// the note twice.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { apiFetch } from "@/lib/client/api-fetch";
import { useDraft } from "@/components/inbox/use-draft";
import { newClientMessageId } from "@/components/inbox/thread-messages";
import { mentionsStillIn, type Colleague } from "@/components/inbox/note-mention-text";

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export type MentionableState = { status: "loading" } | { status: "failed"; error: unknown } | { status: "ready"; colleagues: Colleague[] };

export function useNoteComposer(viewerId: string, conversationId: string, onNoted: (note: MessageDto) => void) {
  // Its own key: switching between "Trả lời" and "Ghi chú nội bộ" keeps both texts apart.
  const [draft, setDraft] = useDraft(viewerId, `${conversationId}:note`);
  const [picked, setPicked] = useState<Colleague[]>([]);
  const [mentionable, setMentionable] = useState<MentionableState>({ status: "loading" });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pendingId = useRef<string | null>(null);

  // Bumped by "Thử lại" after a failed load.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    apiFetch<{ colleagues: Colleague[] }>(`${path(conversationId)}/mentionable`).then(
      ({ colleagues }) => current && setMentionable({ status: "ready", colleagues }),
      (failure: unknown) => current && setMentionable({ status: "failed", error: failure }),
    );
    return () => {
      current = false;
    };
  }, [conversationId, attempt]);

  const loadMentionable = useCallback(() => {
    setMentionable({ status: "loading" });
    setAttempt((value) => value + 1);
  }, []);

  const pick = useCallback((colleague: Colleague) => setPicked((current) => [...current.filter((item) => item.id !== colleague.id), colleague]), []);

  const editDraft = useCallback(
    (text: string) => {
      // A changed text is a new note: a retry of the old one must not return the old one.
      pendingId.current = null;
      setDraft(text);
    },
    [setDraft],
  );

  /** Stores the note; true once stored (the composer empties), false with `error` set otherwise. */
  const send = useCallback(async (): Promise<boolean> => {
    const text = draft.trim();
    if (!text || sending) return false;
    pendingId.current ??= newClientMessageId();
    setSending(true);
    setError(null);
    try {
      const mentionedUserIds = mentionsStillIn(text, picked).map((colleague) => colleague.id);
      const { message } = await apiFetch<{ message: MessageDto }>(`${path(conversationId)}/notes`, {
        method: "POST",
        json: { clientMessageId: pendingId.current, text, mentionedUserIds },
      });
      pendingId.current = null;
      setDraft("");
      setPicked([]);
      onNoted(message);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setSending(false);
    }
  }, [draft, sending, picked, conversationId, setDraft, onNoted]);

  return { draft, editDraft, pick, mentionable, loadMentionable, send, sending, error };
}
