// One message: customer messages on the left, ours on the right, replies the page sent from
// Facebook itself marked as such; the message it quotes above it, attachments, reactions, time,
// delivery ticks, "Trả lời" to quote it, and, when sending failed, the reason and "Thử lại".
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { QuotedMessage } from "@/lib/inbox/inbox-dto";
import { isLocal, type ThreadMessage } from "@/components/inbox/thread-messages";
import { MessageAttachments } from "@/components/inbox/message-attachments";
import { MessageStatus } from "@/components/inbox/message-status";
import { QuoteSnippet } from "@/components/inbox/quote-snippet";
import { useReplyTexts } from "@/components/inbox/use-reply-texts";
import { useChannelWords } from "@/components/channels/use-channel-words";
import type { Platform } from "@/lib/generated/prisma/enums";

const reactionEmoji: Record<string, string> = { love: "❤️", like: "👍", smile: "😆", haha: "😆", wow: "😮", sad: "😢", angry: "😠" };

interface Props {
  message: ThreadMessage;
  /** The first message of a run from the same sender shows who sent it. */
  showSender: boolean;
  clock: string;
  fullTime: string;
  /** The message this one quotes; "missing" when we do not have it (older than anything stored). */
  quoted: QuotedMessage | "missing" | null;
  /** Offered on messages the viewer may quote in a reply; absent otherwise. */
  onQuote: (() => void) | undefined;
  onRetry: (message: ThreadMessage) => Promise<string | null>;
  /** A pending reply then waits for its channel's reconnect instead of being sent. */
  waitingForReconnect: boolean;
  platform: Platform;
}

export function MessageBubble({ message, showSender, clock, fullTime, quoted, onQuote, onRetry, waitingForReconnect, platform }: Props) {
  const t = useTranslations("inbox.message");
  const { failureText } = useReplyTexts();
  const { wordsOf } = useChannelWords();
  const outbound = message.direction === "outbound";
  const fromPage = message.senderKind === "page";
  const onlySticker = !message.text && message.attachments.length > 0 && message.attachments.every((item) => item.type === "sticker");
  const failure = isLocal(message) ? message.local.error : message.status === "failed" ? failureText(message, platform) : null;
  const stored = isLocal(message) && message.local.error ? "failed" : message.status;
  const status = stored === "pending" && waitingForReconnect && !isLocal(message) ? "awaiting_reconnect" : stored;
  const tone = fromPage ? "bg-indigo-50 text-slate-900 ring-1 ring-indigo-200" : outbound ? "bg-brand-600 text-white" : "bg-white text-slate-900 ring-1 ring-slate-200";

  return (
    <li className={`group flex flex-col ${outbound ? "items-end" : "items-start"}`} data-message-id={message.id} data-status={status}>
      {showSender && outbound && (
        <span className="mb-0.5 px-1 text-xs text-slate-500">{fromPage ? t("fromPage", { ...wordsOf(platform) }) : (message.sender?.name ?? t("you"))}</span>
      )}
      <div className={`max-w-[85%] sm:max-w-[70%] ${onlySticker ? "" : `rounded-2xl px-3 py-2 shadow-sm ${tone}`}`}>
        {quoted && (
          <p className={`mb-1 line-clamp-2 border-l-2 pl-2 text-xs ${outbound && !fromPage ? "border-white/70 text-white" : "border-slate-300 text-slate-600"}`} data-quote>
            {quoted === "missing" ? t("quoteMissing") : <QuoteSnippet quoted={quoted} />}
          </p>
        )}
        {message.postback && (
          <p className="text-sm">
            <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("postback")}</span>
            {message.postback.title ?? message.postback.payload}
          </p>
        )}
        {message.text && !message.postback && <p className="text-sm break-words whitespace-pre-wrap">{message.text}</p>}
        <MessageAttachments attachments={message.attachments} outbound={outbound && !fromPage} />
        {message.quickReplyPayload && <p className="mt-1 text-xs opacity-70">{t("quickReply")}</p>}
      </div>
      {message.reactions.length > 0 && (
        <ul className="-mt-1.5 flex gap-0.5 rounded-full bg-white px-1.5 py-0.5 text-sm shadow ring-1 ring-slate-200" aria-label={t("reactions")}>
          {message.reactions.map((reaction) => (
            <li key={reaction.actorPlatformId} title={reaction.reaction}>
              {reaction.emoji ?? reactionEmoji[reaction.reaction] ?? reaction.reaction}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-0.5 flex items-center gap-1 px-1 text-[11px] text-slate-500">
        <time dateTime={message.sentAt} title={fullTime}>
          {clock}
        </time>
        {outbound && <MessageStatus status={status} />}
        {status === "awaiting_reconnect" && <span className="text-amber-800">{t("awaitingReconnect")}</span>}
        {onQuote && (
          // Always shown on touch screens; on wider ones while the message is hovered or the button focused.
          <button
            type="button"
            onClick={onQuote}
            aria-label={t("quoteLabel", { text: labelText(message.text) ?? t("attachmentOnly") })}
            className="ml-1 rounded px-1 font-medium text-brand-700 hover:bg-brand-50 focus:opacity-100 focus:ring-2 focus:ring-brand-500 focus:outline-none sm:opacity-0 sm:group-hover:opacity-100"
          >
            {t("quote")}
          </button>
        )}
      </div>
      {failure && <FailureLine reason={failure} onRetry={() => onRetry(message)} />}
    </li>
  );
}

const LABEL_CHARACTERS = 80;

/** A long message read out whole on every "Trả lời" button would drown the thread: its start is enough. */
function labelText(text: string | null): string | null {
  if (text === null || text.length <= LABEL_CHARACTERS) return text;
  return `${text.slice(0, LABEL_CHARACTERS)}…`;
}

function FailureLine({ reason, onRetry }: { reason: string; onRetry: () => Promise<string | null> }) {
  const t = useTranslations("inbox.message");
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  return (
    <div className="mt-1 flex max-w-[85%] flex-wrap items-center justify-end gap-2 text-xs text-red-700" role="alert">
      <span>{t("failed", { reason: retryError ?? reason })}</span>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setRetryError(await onRetry());
          setBusy(false);
        }}
        className="rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {t("retry")}
      </button>
    </div>
  );
}
