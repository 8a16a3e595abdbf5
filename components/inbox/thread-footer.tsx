// The bottom of the thread, by what the viewer may do: reply (with the reply window shown, and a
// word when an admin's reply takes the conversation over), claim it from "Chờ nhận", or only read —
// always with the reason when the composer is not offered. "Ghi chú nội bộ" beside it lets anyone who
// sees the conversation write a private note, whatever they may do on the reply side.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import type { OutgoingContent, OutgoingQuote } from "@/components/inbox/inbox-api";
import type { SendOutcome } from "@/components/inbox/use-thread";
import { useChannelWords } from "@/components/channels/use-channel-words";
import { ClaimBar } from "@/components/inbox/claim-bar";
import { Composer } from "@/components/inbox/composer";
import { ReplyWindowNotice, useReplyWindow } from "@/components/inbox/reply-window-notice";
import { NoteComposer } from "@/components/inbox/note-composer";
import { composePanelId, composeTabId, NoteModeTabs } from "@/components/inbox/note-mode-tabs";

interface Props {
  detail: ConversationDetail;
  viewerId: string;
  onSend: (content: OutgoingContent) => Promise<SendOutcome>;
  /** The message the next reply quotes; onQuoteDone once it went with a reply or was cancelled. */
  quote: OutgoingQuote | null;
  onQuoteDone: () => void;
  onTyping: () => void;
  onClaimed: () => void;
  onClaimLost: (byName: string | null) => void;
  /** A private note was stored: the thread shows it at once. */
  onNoted: (note: MessageDto) => void;
}

export function ThreadFooter({ onNoted, ...props }: Props) {
  const baseId = useId();
  const conversationId = props.detail.conversation.id;
  // Per conversation: opening another one starts on "Trả lời" again.
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const mode = noteFor === conversationId ? "note" : "reply";
  return (
    <div>
      <NoteModeTabs baseId={baseId} mode={mode} onChange={(next) => setNoteFor(next === "note" ? conversationId : null)} />
      <div id={composePanelId(baseId)} role="tabpanel" aria-labelledby={composeTabId(baseId, mode)}>
        {mode === "note" ? <NoteComposer key={conversationId} conversationId={conversationId} viewerId={props.viewerId} onNoted={onNoted} /> : <ReplyFooter {...props} />}
      </div>
    </div>
  );
}

function ReplyFooter({ detail, viewerId, onSend, quote, onQuoteDone, onTyping, onClaimed, onClaimLost }: Omit<Props, "onNoted">) {
  const t = useTranslations("inbox.footer");
  const { wordsOf } = useChannelWords();
  const { conversation, channel, viewer, capabilities } = detail;
  const window = useReplyWindow(conversation.replyWindow);

  if (viewer.canClaim) return <ClaimBar conversationId={conversation.id} onClaimed={onClaimed} onLost={onClaimLost} />;
  if (!viewer.reply) {
    const reason = conversation.state === "awaiting_claim" ? t("queueNotMember") : conversation.assignee ? t("notAssignee", { name: conversation.assignee.name }) : t("notAssigneeNobody");
    return <Notice>{reason}</Notice>;
  }
  if (channel.status !== "connected") return <Notice tone="error">{t(channel.status === "disconnected" ? "channelDisconnected" : "channelNeedsReconnect", { page: channel.name, ...wordsOf(conversation.channel.platform) })}</Notice>;

  return (
    <div>
      {viewer.reply === "take_over" && (
        <p className="border-t border-brand-100 bg-brand-50 px-4 py-1.5 text-xs text-brand-700">
          {conversation.assignee ? t("takeOver", { name: conversation.assignee.name }) : t("takeOverNobody")}
        </p>
      )}
      <ReplyWindowNotice window={window} schedule={conversation.replyWindow} platform={conversation.channel.platform} />
      {window.state !== "closed" && (
        <Composer
          key={conversation.id}
          conversationId={conversation.id}
          viewerId={viewerId}
          platform={conversation.channel.platform}
          capabilities={capabilities}
          onSend={onSend}
          quote={quote}
          onQuoteDone={onQuoteDone}
          onTyping={onTyping}
          templateNames={{ customerName: detail.contact.name, pageName: channel.name }}
        />
      )}
    </div>
  );
}

function Notice({ children, tone = "info" }: { children: React.ReactNode; tone?: "info" | "error" }) {
  return (
    <p role="status" className={`border-t px-4 py-3 text-sm ${tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-slate-100 text-slate-700"}`}>
      {children}
    </p>
  );
}
