// One open conversation: its detail and messages, older pages on demand, live updates, optimistic
// sends keyed by clientMessageId (a resend never creates a second message) and a catch-up after a
// reconnect.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import type { ConversationSummary, MessageDto } from "@/lib/inbox/inbox-dto";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { ApiError } from "@/lib/client/api-fetch";
import { fetchConversation, fetchMessages, postMessage, retryMessage, type OutgoingContent } from "@/components/inbox/inbox-api";
import { applyLiveMessage, displayMessages, mergeNewestPage, newClientMessageId, outgoingContent, upsertMessage, type LocalMessage } from "@/components/inbox/thread-messages";

/** sent: stored by the server; kept: shown with a retry button; refused: the text belongs back in the composer. */
export type SendOutcome = { outcome: "sent" } | { outcome: "kept" } | { outcome: "refused"; error: unknown };

export type RemovedNotice = Omit<ServerEventPayload<"conversation:removed">, "conversationId">;

interface ThreadData {
  detail: ConversationDetail;
  messages: MessageDto[];
  olderCursor: string | null;
}

/** Errors that a resend cannot fix: the text goes back to the composer instead of a retry button. */
const finalSendErrors = new Set(["invalid_input", "forbidden", "payload_too_large", "not_found", "conflict"]);

/** The claimer's name when the server refused the conversation because someone claimed it. */
function claimedByOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== "conflict" || error.params.reason !== "claimed") return null;
  return typeof error.params.name === "string" ? error.params.name : null;
}

export function useThread(conversationId: string, describeError: (error: unknown) => string) {
  const [data, setData] = useState<ThreadData | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [olderState, setOlderState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const [locals, setLocals] = useState<LocalMessage[]>([]);
  const [removed, setRemoved] = useState<RemovedNotice | null>(null);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
  });

  // Messages that arrive live while the thread is being (re)loaded: the page may predate them.
  const arrivedWhileLoading = useRef<MessageDto[] | null>(null);

  const load = useCallback(async () => {
    const arrived: MessageDto[] = [];
    arrivedWhileLoading.current = arrived;
    try {
      const [detail, page] = await Promise.all([fetchConversation(conversationId), fetchMessages(conversationId, null)]);
      if (arrivedWhileLoading.current === arrived) arrivedWhileLoading.current = null;
      const newest = arrived.reduce((messages, message) => applyLiveMessage(messages, page.nextCursor !== null, message), page.messages);
      setLoadError(null);
      setData((current) =>
        current
          ? { detail, ...mergeNewestPage(current.messages, current.olderCursor, newest, page.nextCursor) }
          : { detail, messages: newest, olderCursor: page.nextCursor },
      );
    } catch (error) {
      // A rule member opening a conversation someone claimed meanwhile (a reload after losing
      // "Nhận chat"): the same notice as the live event, not an error.
      const claimedBy = claimedByOf(error);
      if (claimedBy) setRemoved({ reason: "claimed", byName: claimedBy });
      else setLoadError(error);
    }
  }, [conversationId]);

  useEffect(() => {
    void load();
  }, [load]);

  const retryLoad = useCallback(() => {
    setLoadError(null);
    void load();
  }, [load]);

  const loadOlder = useCallback(async () => {
    const cursor = dataRef.current?.olderCursor;
    if (!cursor) return;
    setOlderState({ loading: true, error: null });
    try {
      const page = await fetchMessages(conversationId, cursor);
      setData((current) =>
        current && current.olderCursor === cursor
          ? { ...current, messages: page.messages.reduce(upsertMessage, current.messages), olderCursor: page.nextCursor }
          : current,
      );
      setOlderState({ loading: false, error: null });
    } catch (error) {
      setOlderState({ loading: false, error });
    }
  }, [conversationId]);

  const applyMessage = useCallback(
    (message: MessageDto) => {
      if (message.conversationId !== conversationId) return;
      arrivedWhileLoading.current?.push(message);
      setData((current) => current && { ...current, messages: applyLiveMessage(current.messages, current.olderCursor !== null, message) });
    },
    [conversationId],
  );

  const applyConversation = useCallback(
    (summary: ConversationSummary) => {
      const current = dataRef.current;
      if (summary.id !== conversationId || !current) return;
      const before = current.detail.conversation;
      // Who may reply follows the assignee and state; the server says so again rather than the
      // browser guessing from the summary.
      if (before.assignee?.id !== summary.assignee?.id || before.state !== summary.state) void load();
      else setData((latest) => latest && { ...latest, detail: { ...latest.detail, conversation: summary } });
    },
    [conversationId, load],
  );

  const send = useCallback(
    async (content: OutgoingContent, clientMessageId = newClientMessageId()): Promise<SendOutcome> => {
      const local: LocalMessage = {
        id: `local-${clientMessageId}`,
        conversationId,
        direction: "outbound",
        senderKind: "agent",
        sender: null,
        text: "text" in content ? content.text : null,
        attachments: "attachment" in content ? [{ ...content.attachment, name: content.attachment.name ?? null, title: null }] : [],
        quickReplyPayload: null,
        postback: null,
        replyToPlatformMessageId: content.quote?.platformMessageId ?? null,
        quoted: content.quote?.message ?? null,
        status: "pending",
        failureReason: null,
        failureCode: null,
        platformMessageId: null,
        clientMessageId,
        reactions: [],
        mentions: [],
        sentAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        local: { error: null },
      };
      setLocals((items) => [...items.filter((item) => item.clientMessageId !== clientMessageId), local]);
      try {
        const message = await postMessage(conversationId, clientMessageId, content);
        applyMessage(message);
        setLocals((items) => items.filter((item) => item.clientMessageId !== clientMessageId));
        return { outcome: "sent" };
      } catch (error) {
        const final = error instanceof ApiError && finalSendErrors.has(error.code);
        if (final) {
          setLocals((items) => items.filter((item) => item.clientMessageId !== clientMessageId));
          return { outcome: "refused", error };
        }
        setLocals((items) =>
          items.map((item) => (item.clientMessageId === clientMessageId ? { ...item, local: { error: describeError(error) } } : item)),
        );
        return { outcome: "kept" };
      }
    },
    [conversationId, applyMessage, describeError],
  );

  const resend = useCallback(
    (message: LocalMessage) => {
      void send(outgoingContent(message), message.clientMessageId ?? undefined);
    },
    [send],
  );

  const retryFailed = useCallback(async (message: MessageDto): Promise<unknown> => {
    try {
      await retryMessage(message.id);
      return null;
    } catch (error) {
      return error;
    }
  }, []);

  return {
    data,
    messages: data ? displayMessages(data.messages, locals) : [],
    loadError,
    olderState,
    removed,
    load,
    retryLoad,
    loadOlder,
    applyMessage,
    applyConversation,
    markRemoved: setRemoved,
    send,
    resend,
    retryFailed,
  };
}
