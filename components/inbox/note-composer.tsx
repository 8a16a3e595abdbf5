// Writing a private note ("Ghi chú nội bộ"): amber, so it is never mistaken for a reply; no files
// and no quick replies; "@" opens the list of colleagues who may see the conversation and Enter
// inserts "@Tên". Enter saves the note (Shift+Enter: new line; left alone while an input method is
// composing Vietnamese). Offered whoever may see the conversation, whether or not they may reply.
"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { NOTE_MAX_LENGTH } from "@/lib/notes/note-limits";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { MentionPicker } from "@/components/inbox/mention-picker";
import { optionId } from "@/components/inbox/picker-listbox";
import { insertMention, matchingColleagues, mentionQueryAt, type Colleague, type MentionQuery } from "@/components/inbox/note-mention-text";
import { useNoteComposer } from "@/components/inbox/use-note-composer";

interface Props {
  conversationId: string;
  viewerId: string;
  /** The stored note, shown in the thread at once (its socket event may come later, or not while offline). */
  onNoted: (note: MessageDto) => void;
}

export function NoteComposer({ conversationId, viewerId, onNoted }: Props) {
  const t = useTranslations("notes.composer");
  const { errorText } = useErrorText();
  const inputId = useId();
  const listId = `${inputId}-mentions`;
  const note = useNoteComposer(viewerId, conversationId, onNoted);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // The "@" whose list was closed (Escape, or a name inserted): it stays closed until another "@".
  const [closedAt, setClosedAt] = useState<number | null>(null);

  const text = note.draft.trim();
  const tooLong = text.length > NOTE_MAX_LENGTH;
  const at = mentionQueryAt(note.draft, caret);
  const colleagues = note.mentionable.status === "ready" ? note.mentionable.colleagues : [];
  const options = at ? matchingColleagues(colleagues, at.query) : [];
  // A space after a name nobody has ends the "@…": the agent is writing the note, not a name.
  const listOpen = at !== null && at.start !== closedAt && (options.length > 0 || !/\s/.test(at.query));
  const highlighted = Math.min(active, Math.max(options.length - 1, 0));

  function edit(value: string, caretAt: number) {
    note.editDraft(value);
    setCaret(caretAt);
    setActive(0);
    if (!mentionQueryAt(value, caretAt)) setClosedAt(null);
  }

  function pick(query: MentionQuery, colleague: Colleague) {
    const next = insertMention(note.draft, query, colleague.name);
    note.pick(colleague);
    edit(next.text, next.caret);
    setClosedAt(query.start);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function send() {
    if (!text || tooLong) return;
    if (await note.send()) setCaret(0);
    textarea.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (listOpen && at) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((highlighted + step + options.length) % Math.max(options.length, 1));
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && options[highlighted]) {
        event.preventDefault();
        pick(at, options[highlighted]);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setClosedAt(at.start);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      className="border-t border-amber-300 bg-amber-50 p-2 sm:p-3"
      data-testid="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {note.error !== null && (
        <div className="mb-2">
          <Alert tone="error">{refusalText(note.error)}</Alert>
        </div>
      )}
      <div className="relative flex items-end gap-2">
        {listOpen && at && (
          <MentionPicker id={listId} state={note.mentionable} options={options} query={at.query} active={highlighted} onPick={(colleague) => pick(at, colleague)} onRetry={note.loadMentionable} />
        )}
        <label htmlFor={inputId} className="sr-only">
          {t("label")}
        </label>
        <textarea
          id={inputId}
          ref={textarea}
          value={note.draft}
          rows={1}
          role="combobox"
          aria-expanded={listOpen && options.length > 0}
          aria-controls={listOpen && options.length > 0 ? listId : undefined}
          aria-activedescendant={listOpen && options.length > 0 ? optionId(listId, highlighted) : undefined}
          aria-autocomplete="list"
          aria-describedby={`${inputId}-hint`}
          aria-invalid={tooLong || undefined}
          onChange={(event) => edit(event.target.value, event.target.selectionStart)}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => at && setClosedAt(at.start)}
          placeholder={t("placeholder")}
          className="field-sizing-content max-h-40 min-h-10 flex-1 resize-none rounded-lg border border-amber-300 bg-white px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-amber-500"
        />
        <button
          type="submit"
          disabled={!text || tooLong || note.sending}
          aria-busy={note.sending || undefined}
          className="inline-flex h-10 shrink-0 items-center gap-2 rounded-lg bg-amber-600 px-4 text-sm font-medium text-white hover:bg-amber-700 focus:ring-2 focus:ring-amber-500 focus:ring-offset-1 focus:outline-none disabled:cursor-not-allowed disabled:bg-amber-400"
        >
          {note.sending && <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
          {t("send")}
        </button>
      </div>
      <div className="mt-1 flex justify-between gap-3 text-xs text-amber-900">
        <p id={`${inputId}-hint`}>{t("hint")}</p>
        {text.length > NOTE_MAX_LENGTH - 200 && (
          <p className={`shrink-0 ${tooLong ? "text-red-700" : ""}`} aria-live="polite">
            {tooLong ? t("tooLong", { limit: NOTE_MAX_LENGTH }) : t("charactersLeft", { count: NOTE_MAX_LENGTH - text.length })}
          </p>
        )}
      </div>
    </form>
  );

  /** The note's own refusals in a sentence; anything else as every API error is told. */
  function refusalText(error: unknown): string {
    if (error instanceof ApiError && error.code === "invalid_input") {
      const reason = error.params.reason;
      if (reason === "mention_not_visible") return error.params.names ? t("errors.mention_not_visible", { names: error.params.names }) : t("errors.mention_not_visible_unknown");
      if (reason === "note_too_long") return t("errors.note_too_long", { limit: error.params.limit ?? NOTE_MAX_LENGTH, length: error.params.length ?? 0 });
      if (reason === "empty_note" || reason === "invalid_character") return t(`errors.${reason}`);
    }
    return errorText(error);
  }
}
