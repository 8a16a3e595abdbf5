// The open conversation: header, messages, and at the bottom whatever the viewer may do — reply
// (with the reply window), claim it from the queue, or only read. Follows live events, tells the
// customer the agent has seen their messages, and catches up after a reconnect.
"use client";
import { useNow, useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import { replyWindowAt, scheduleFromJson } from "@/lib/channels/reply-window";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { useReplyTexts } from "@/components/inbox/use-reply-texts";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { postSeen, postTyping } from "@/components/inbox/inbox-api";
import { useThread } from "@/components/inbox/use-thread";
import { isLocal, quoteOf, type ThreadMessage } from "@/components/inbox/thread-messages";
import type { OutgoingQuote } from "@/components/inbox/inbox-api";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { ThreadHeader } from "@/components/inbox/thread-header";
import { MessageList } from "@/components/inbox/message-list";
import { ThreadSkeleton } from "@/components/inbox/skeletons";
import { ThreadFooter } from "@/components/inbox/thread-footer";
import { SidePanel } from "@/components/inbox/side-panel";
import { useNoteMentionsSeen } from "@/components/inbox/use-note-mentions-seen";

const TYPING_SHOWN_MS = 6000;

interface Props {
  conversationId: string;
  viewerId: string;
  isAdmin: boolean;
  onBack: () => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function ConversationThread({ conversationId, viewerId, isAdmin, onBack, panelOpen, onTogglePanel }: Props) {
  const t = useTranslations("inbox.thread");
  const { errorText } = useErrorText();
  const { refusalText } = useReplyTexts();
  const thread = useThread(conversationId, refusalText);
  const [typingName, setTypingName] = useState<string | null>(null);
  /** The message the next reply quotes ("Trả lời"), until it is sent or cancelled. */
  const [quote, setQuote] = useState<OutgoingQuote | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The footer's clock: "Trả lời" goes when the composer does, as the reply window closes.
  const now = useNow({ updateInterval: 30_000 });
  const { applyMessage, applyConversation, markRemoved, load } = thread;

  useRealtimeEvent("message:upsert", useCallback(({ message }: ServerEventPayload<"message:upsert">) => applyMessage(message), [applyMessage]));
  useRealtimeEvent(
    "conversation:upsert",
    useCallback(({ conversation }: ServerEventPayload<"conversation:upsert">) => applyConversation(conversation), [applyConversation]),
  );
  useRealtimeEvent(
    "conversation:removed",
    useCallback(
      ({ conversationId: removedId, ...notice }: ServerEventPayload<"conversation:removed">) => removedId === conversationId && markRemoved(notice),
      [conversationId, markRemoved],
    ),
  );
  useRealtimeEvent(
    "typing",
    useCallback(
      (payload: ServerEventPayload<"typing">) => {
        if (payload.conversationId !== conversationId || payload.userId === viewerId) return;
        setTypingName(payload.name);
        clearTimeout(typingTimer.current);
        typingTimer.current = setTimeout(() => setTypingName(null), TYPING_SHOWN_MS);
      },
      [conversationId, viewerId],
    ),
  );
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  // The channel turned "needs reconnect" or came back: the footer and composer follow without a reload.
  const channelId = thread.data?.detail.channel.id;
  useRealtimeEvent(
    "channel:updated",
    useCallback((payload: ServerEventPayload<"channel:updated">) => payload.channelId === channelId && void load(), [channelId, load]),
  );
  useOnReconnect(useCallback(() => void load(), [load]));
  useMarkSeen(conversationId, thread.data?.detail.viewer.reply === "assignee" ? (thread.data.detail.conversation.unreadCount ?? 0) : 0);
  useNoteMentionsSeen(conversationId, viewerId, thread.messages);

  const onRetry = useCallback(
    async (message: ThreadMessage): Promise<string | null> => {
      if (isLocal(message)) {
        thread.resend(message);
        return null;
      }
      const error = await thread.retryFailed(message);
      return error ? refusalText(error) : null;
    },
    [thread, refusalText],
  );

  if (thread.removed) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-4 p-6 text-center">
        <Alert tone="warning">{thread.removed.reason === "claimed" && thread.removed.byName ? t("claimedBy", { name: thread.removed.byName }) : t("noLongerYours")}</Alert>
        <Button variant="secondary" onClick={onBack}>
          {t("backToList")}
        </Button>
      </div>
    );
  }
  if (thread.loadError && !thread.data) {
    const missing = thread.loadError instanceof ApiError && thread.loadError.code === "not_found";
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-4 p-6 text-center">
        <Alert tone="error">{missing ? t("notFound") : errorText(thread.loadError)}</Alert>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onBack}>
            {t("backToList")}
          </Button>
          {!missing && <Button onClick={thread.retryLoad}>{t("retry")}</Button>}
        </div>
      </div>
    );
  }
  if (!thread.data) return <ThreadSkeleton label={t("loading")} />;

  const { detail } = thread.data;
  const canQuote =
    detail.capabilities.quotes &&
    detail.viewer.reply !== null &&
    detail.channel.status === "connected" &&
    replyWindowAt(scheduleFromJson(detail.conversation.replyWindow), now).state !== "closed";
  return (
    <div className="flex min-h-0 flex-1">
      <section aria-label={t("label", { name: detail.conversation.contact.name ?? t("unknownCustomer", { platform: platformNames[detail.conversation.channel.platform] }) })} className="flex min-w-0 flex-1 flex-col">
        <ThreadHeader detail={detail} onBack={onBack} panelOpen={panelOpen} onTogglePanel={onTogglePanel} />
        <MessageList
          messages={thread.messages}
          hasOlder={thread.data.olderCursor !== null}
          olderState={thread.olderState}
          onLoadOlder={() => void thread.loadOlder()}
          onRetry={onRetry}
          onQuote={canQuote ? (message: MessageDto) => setQuote(quoteOf(message)) : null}
          typingName={typingName}
          channelNeedsReconnect={detail.channel.status === "needs_reconnect"}
          platform={detail.conversation.channel.platform}
          viewerId={viewerId}
        />
        <ThreadFooter
          detail={detail}
          viewerId={viewerId}
          onSend={thread.send}
          quote={quote}
          onQuoteDone={() => setQuote(null)}
          onTyping={() => void postTyping(conversationId, true).catch(() => undefined)}
          onClaimed={() => void load()}
          onClaimLost={(byName) => markRemoved({ reason: "claimed", byName })}
          onNoted={applyMessage}
        />
      </section>
      {panelOpen && <SidePanel detail={detail} viewerId={viewerId} isAdmin={isAdmin} onClose={onTogglePanel} />}
    </div>
  );
}

/** Tells the platform (and our unread counter) the assignee has seen the thread, while the tab is visible. */
function useMarkSeen(conversationId: string, unread: number) {
  useEffect(() => {
    if (unread === 0) return;
    const mark = () => {
      if (document.visibilityState === "visible") void postSeen(conversationId).catch(() => undefined);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [conversationId, unread]);
}
