// Writing a reply: Enter sends, Shift+Enter starts a new line (and Enter while an input method is
// composing Vietnamese is left alone), files upload as soon as they are picked, the draft survives
// switching conversations and reloads, and a refused send puts the text back. Each picked file goes
// as its own message, then the text: every platform takes that, and some (Messenger) nothing else.
// The text's limit and the files it takes are the conversation's platform's (its capabilities, sent
// by the API): a file the platform would refuse (a kind it does not send, over its size limit) is
// refused here, with the limit named, before it is uploaded. A quoted message ("Trả lời") shows above
// the text, with × (or Escape) to cancel it, and goes with the first message sent. "/" opens the
// message templates (template-picker.tsx); a template's files join the picked files.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useErrorText } from "@/lib/client/use-error-text";
import { useReplyTexts } from "@/components/inbox/use-reply-texts";
import { useChannelWords } from "@/components/channels/use-channel-words";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { OutgoingContent, OutgoingQuote } from "@/components/inbox/inbox-api";
import { QuoteSnippet } from "@/components/inbox/quote-snippet";
import type { SendOutcome } from "@/components/inbox/use-thread";
import { useAttachmentUploads, type PickedFile } from "@/components/inbox/use-attachment-uploads";
import { templateFiles, useTemplatePicker, type TemplateFillNames } from "@/components/inbox/template-picker";
import { useDraft } from "@/components/inbox/use-draft";
import { PaperclipIcon } from "@/components/inbox/icons";
import { acceptedFormats, attachmentProblem, formatLimit } from "@/components/inbox/attachment-check";
import { platformNames } from "@/lib/channels/platform-names";
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import type { Platform } from "@/lib/generated/prisma/enums";

const TYPING_REPEAT_MS = 5000;

interface Props {
  conversationId: string;
  viewerId: string;
  platform: Platform;
  capabilities: ChannelCapabilities;
  onSend: (content: OutgoingContent) => Promise<SendOutcome>;
  quote: OutgoingQuote | null;
  onQuoteDone: () => void;
  onTyping: () => void;
  /** Who {ten_khach} and {ten_trang} are in this conversation's templates. */
  templateNames: TemplateFillNames;
}

export function Composer({ conversationId, viewerId, platform, capabilities, onSend, quote, onQuoteDone, onTyping, templateNames }: Props) {
  const t = useTranslations("inbox.composer");
  const { errorText } = useErrorText();
  const { refusalText } = useReplyTexts();
  const { wordsOf } = useChannelWords();
  const format = useFormatter();
  const inputId = useId();
  const [draft, setDraft] = useDraft(viewerId, conversationId);
  const uploads = useAttachmentUploads();
  const [error, setError] = useState<string | null>(null);
  const lastTyping = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const templates = useTemplatePicker({
    draft,
    setDraft,
    textarea,
    names: templateNames,
    onFiles: (files) => uploads.reset((current) => [...current, ...templateFiles(files, refusalOf)]),
  });

  // "Trả lời" on a message: the agent goes on typing here.
  useEffect(() => {
    if (quote) textarea.current?.focus();
  }, [quote]);

  const maxTextLength = capabilities.maxTextLength;
  const text = draft.trim();
  const tooLong = text.length > maxTextLength;
  const canSend = (text !== "" || uploads.files.some((file) => file.status === "ready")) && !uploads.uploading && !tooLong;

  async function send() {
    if (!canSend) return;
    const sentText = draft;
    const sentFiles = uploads.files.filter((file) => file.status === "ready");
    setError(null);
    setDraft("");
    uploads.reset((files) => files.filter((file) => file.status !== "ready"));
    let refusal: unknown = null;
    const refusedFiles: PickedFile[] = [];
    // The quote goes with the first message that is stored; it stays in the composer while every one is refused.
    let quoteSent = quote === null;
    const withQuote = () => (quoteSent || !quote ? {} : { quote });
    for (const file of sentFiles) {
      if (!file.url || !file.type) continue;
      const result = await onSend({ attachment: { type: file.type, url: file.url, name: file.name }, ...withQuote() });
      if (result.outcome === "refused") {
        refusal ??= result.error;
        refusedFiles.push(file);
      } else quoteSent = true;
    }
    if (text) {
      const result = await onSend({ text, ...withQuote() });
      if (result.outcome !== "refused") quoteSent = true;
      else {
        refusal ??= result.error;
        setDraft((typedSince) => (typedSince ? `${sentText}\n${typedSince}` : sentText));
      }
    }
    if (refusedFiles.length > 0) uploads.reset((files) => [...refusedFiles, ...files]);
    if (quote && quoteSent) onQuoteDone();
    if (refusal) setError(refusalText(refusal));
    textarea.current?.focus();
  }

  function refusalOf(file: { type: string; size: number }): string | null {
    const problem = attachmentProblem(file, capabilities);
    if (!problem) return null;
    const name = platformNames[platform];
    if (problem.reason === "type_refused") {
      const accepted = acceptedFormats(capabilities);
      if (!accepted) return t("fileTypeRefused", { platform: name });
      const kinds = accepted.map(({ type, formats }) => t("acceptedKind", { kind: t(`fileKinds.${type}`), formats: format.list(formats, { type: "unit" }) }));
      return t("fileTypeRefusedNamed", { platform: name, accepted: format.list(kinds) });
    }
    const { amount, unit } = formatLimit(problem.limitBytes);
    return t("fileTooLarge", { platform: name, kind: t(`fileKinds.${problem.type}`), limit: `${amount} ${unit}` });
  }

  function onChange(value: string) {
    setDraft(value);
    if (value.trim() && Date.now() - lastTyping.current > TYPING_REPEAT_MS) {
      lastTyping.current = Date.now();
      onTyping();
    }
  }

  return (
    <form
      className="border-t border-slate-200 bg-white p-2 sm:p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {error && (
        <div className="mb-2">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      {quote && (
        <div className="mb-2 flex items-start gap-2 rounded-lg border-l-4 border-brand-500 bg-brand-50 px-3 py-1.5 text-xs text-slate-700" data-testid="composer-quote">
          <p className="line-clamp-2 min-w-0 flex-1">
            <QuoteSnippet quoted={quote.message} />
          </p>
          <button type="button" onClick={onQuoteDone} className="rounded px-1 text-slate-500 hover:bg-brand-100 focus:ring-2 focus:ring-brand-500 focus:outline-none" aria-label={t("cancelQuote")}>
            ×
          </button>
        </div>
      )}
      {uploads.files.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label={t("attachments")}>
          {uploads.files.map((file) => (
            <li key={file.id} className={`flex max-w-full items-center gap-2 rounded-lg border px-2 py-1 text-xs ${file.status === "failed" ? "border-red-300 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50"}`}>
              <PaperclipIcon className="size-3.5 text-slate-500" />
              <span className="max-w-40 truncate">{file.name}</span>
              <span className="text-slate-500">{file.status === "uploading" ? t("uploading") : file.status === "failed" ? (file.refusal ?? errorText(file.error)) : ""}</span>
              <button type="button" onClick={() => uploads.remove(file.id)} className="rounded px-1 text-slate-500 hover:bg-slate-200" aria-label={t("removeAttachment", { name: file.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative flex items-end gap-2">
        {templates.popup}
        <label className="flex size-10 shrink-0 cursor-pointer items-center justify-center rounded-lg text-lg text-slate-600 hover:bg-slate-100 focus-within:ring-2 focus-within:ring-brand-500">
          <PaperclipIcon className="size-5" />
          <span className="sr-only">{t("attach")}</span>
          <input
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => {
              if (event.target.files) uploads.add(event.target.files, refusalOf);
              event.target.value = "";
            }}
          />
        </label>
        <label htmlFor={inputId} className="sr-only">
          {t("label")}
        </label>
        <textarea
          id={inputId}
          ref={textarea}
          value={draft}
          rows={1}
          onChange={(event) => onChange(event.target.value)}
          {...templates.inputProps}
          onKeyDown={(event) => {
            if (templates.onKeyDown(event)) return;
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void send();
            }
            if (event.key === "Escape" && quote) {
              event.preventDefault();
              onQuoteDone();
            }
          }}
          placeholder={t("placeholder")}
          aria-describedby={`${inputId}-hint`}
          aria-invalid={tooLong || undefined}
          className="field-sizing-content max-h-40 min-h-10 flex-1 resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
        />
        <Button type="submit" disabled={!canSend} className="h-10">
          {t("send")}
        </Button>
      </div>
      <div className={`mt-1 justify-between gap-3 px-12 text-xs text-slate-600 ${text.length > maxTextLength - 200 ? "flex" : "hidden sm:flex"}`}>
        <p id={`${inputId}-hint`} className="hidden sm:block">
          {t("hint")}
        </p>
        {text.length > maxTextLength - 200 && (
          <p className={`ml-auto ${tooLong ? "text-red-700" : "text-slate-500"}`} aria-live="polite">
            {tooLong ? t("tooLong", { limit: maxTextLength, ...wordsOf(platform) }) : t("charactersLeft", { count: maxTextLength - text.length })}
          </p>
        )}
      </div>
    </form>
  );
}
