// The scrolling thread: date separators, runs of bubbles, "load older" at the top (automatic when
// scrolled there, or by the button), and a pinned bottom that follows new messages unless the
// reader has scrolled up — then a "new messages" button appears instead.
"use client";
import { useNow, useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MessageDto, QuotedMessage } from "@/lib/inbox/inbox-dto";
import { Button } from "@/components/ui/button";
import { MessageBubble } from "@/components/inbox/message-bubble";
import { NoteCard } from "@/components/inbox/note-card";
import { isLocal, quotedMessageOf, type ThreadMessage } from "@/components/inbox/thread-messages";
import { useInboxTime } from "@/components/inbox/use-inbox-time";
import type { Platform } from "@/lib/generated/prisma/enums";

const BOTTOM_SLACK_PX = 80;

interface Props {
  messages: ThreadMessage[];
  hasOlder: boolean;
  olderState: { loading: boolean; error: unknown };
  onLoadOlder: () => void;
  onRetry: (message: ThreadMessage) => Promise<string | null>;
  /** Set when the viewer may reply with a quote: "Trả lời" on the customer's messages calls it. */
  onQuote: ((message: MessageDto) => void) | null;
  typingName: string | null;
  /** The channel's token is dead: pending replies wait for the reconnect ("Chờ kết nối lại"). */
  channelNeedsReconnect: boolean;
  /** The conversation's platform: whose words explain a failed send. */
  platform: Platform;
  /** Private notes say "Bạn" for the viewer's own. */
  viewerId: string;
}

export function MessageList({ messages, hasOlder, olderState, onLoadOlder, onRetry, onQuote, typingName, channelNeedsReconnect, platform, viewerId }: Props) {
  const t = useTranslations("inbox.thread");
  const time = useInboxTime();
  const now = useNow({ updateInterval: 60_000 });
  const container = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const previous = useRef<{ firstId?: string; lastId?: string; height: number; pinned: boolean }>({ height: 0, pinned: true });
  const [pinned, setPinned] = useState(true);
  const firstId = messages[0]?.id;
  const last = messages.at(-1);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const before = previous.current;
    const olderAdded = before.firstId !== undefined && firstId !== before.firstId && last?.id === before.lastId;
    if (olderAdded) element.scrollTop += element.scrollHeight - before.height;
    // Our side's new message (a reply or a private note) is brought into view even when scrolled up.
    else if (before.pinned || (last !== undefined && last.direction !== "inbound" && last.id !== before.lastId)) element.scrollTop = element.scrollHeight;
    previous.current = { firstId, lastId: last?.id, height: element.scrollHeight, pinned: before.pinned };
  }, [firstId, last, messages.length]);

  useEffect(() => {
    const target = topSentinel.current;
    if (!target || !hasOlder || olderState.loading || olderState.error) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && onLoadOlder(), {
      root: container.current,
      rootMargin: "150px",
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasOlder, olderState, onLoadOlder]);

  function onScroll() {
    const element = container.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < BOTTOM_SLACK_PX;
    previous.current = { ...previous.current, height: element.scrollHeight, pinned: atBottom };
    setPinned(atBottom);
  }

  function toBottom() {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
  }

  const byPlatformId = useMemo(() => new Map(messages.flatMap((item): [string, MessageDto][] => (item.platformMessageId ? [[item.platformMessageId, item]] : []))), [messages]);

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={container}
        onScroll={onScroll}
        // A picture that finishes loading grows the thread; stay at the bottom if we were there.
        onLoadCapture={() => previous.current.pinned && toBottom()}
        className="h-full overflow-y-auto bg-slate-50 px-3 py-4 sm:px-6"
      >
        <div ref={topSentinel} className="flex justify-center pb-3">
          {hasOlder ? (
            <Button variant="ghost" busy={olderState.loading} onClick={onLoadOlder} className="text-xs">
              {olderState.error ? t("loadOlderFailed") : t("loadOlder")}
            </Button>
          ) : (
            messages.length > 0 && <span className="text-xs text-slate-600">{t("start")}</span>
          )}
        </div>
        <ol className="flex flex-col gap-1.5" aria-label={t("messages")}>
          {messages.map((message, index) => {
            const before = messages[index - 1];
            const newDay = !before || time.dayKey(before.sentAt) !== time.dayKey(message.sentAt);
            const newSender = newDay || !before || before.direction !== message.direction || before.senderKind !== message.senderKind || before.sender?.id !== message.sender?.id;
            return (
              <DayAndBubble key={message.id} dayLabel={newDay ? time.dayLabel(message.sentAt, now) : null}>
                {message.direction === "note" ? (
                  <NoteCard note={message} viewerId={viewerId} clock={time.clock(message.sentAt)} fullTime={time.full(message.sentAt)} />
                ) : (
                  <MessageBubble
                    message={message}
                    showSender={newSender}
                    clock={time.clock(message.sentAt)}
                    fullTime={time.full(message.sentAt)}
                    quoted={quotedOf(message, byPlatformId)}
                    onQuote={onQuote && message.direction === "inbound" && message.platformMessageId && !isLocal(message) ? () => onQuote(message) : undefined}
                    onRetry={onRetry}
                    waitingForReconnect={channelNeedsReconnect}
                    platform={platform}
                  />
                )}
              </DayAndBubble>
            );
          })}
        </ol>
        {typingName && (
          <p className="mt-2 text-xs text-slate-500" aria-live="polite">
            {t("typing", { name: typingName })}
          </p>
        )}
      </div>
      {!pinned && (
        <button
          type="button"
          onClick={toBottom}
          className="absolute right-4 bottom-3 rounded-full bg-white px-3 py-1.5 text-xs font-medium text-brand-700 shadow-md ring-1 ring-slate-200 hover:bg-brand-50"
        >
          {t("jumpToLatest")} ↓
        </button>
      )}
    </div>
  );
}

/**
 * What a message quotes: the server's copy, else one loaded here (a quote whose message was stored
 * after it), else "missing": Zalo and Messenger let a customer quote messages older than our history.
 */
function quotedOf(message: MessageDto, byPlatformId: ReadonlyMap<string, MessageDto>): QuotedMessage | "missing" | null {
  if (!message.replyToPlatformMessageId) return null;
  if (message.quoted) return message.quoted;
  const loaded = byPlatformId.get(message.replyToPlatformMessageId);
  return loaded ? quotedMessageOf(loaded) : "missing";
}

function DayAndBubble({ dayLabel, children }: { dayLabel: string | null; children: React.ReactNode }) {
  return (
    <>
      {dayLabel && (
        <li className="my-2 flex items-center gap-3 text-xs text-slate-600">
          <span className="h-px flex-1 bg-slate-200" aria-hidden />
          <span>{dayLabel}</span>
          <span className="h-px flex-1 bg-slate-200" aria-hidden />
        </li>
      )}
      {children}
    </>
  );
}
