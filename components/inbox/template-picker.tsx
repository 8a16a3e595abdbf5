// "Tin nhắn mẫu" in the composer: a "/" at the start of the text or of a word opens the list of
// templates, filtered as the agent types ("/phi ship" finds "Phí ship"). The focus stays in the
// text box (the combobox pattern: a listbox, aria-activedescendant): ↑/↓ move, Enter inserts the template with its
// variables filled for this conversation and adds its files to the composer's attachments, Escape
// closes. The agent edits the inserted text before sending. The list is fetched once per inbox
// session (kept in this module while the page lives) and refreshed each time the picker opens.
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import type { TemplateDto } from "@/lib/templates/template-dto";
import type { UploadDto } from "@/lib/uploads/upload-meta";
import { filterTemplates, searchableTemplates } from "@/lib/templates/filter-templates";
import { insertTemplateText, slashQueryAt } from "@/lib/templates/slash-query";
import { fillTemplate } from "@/lib/templates/template-variables";
import { fetchTemplates, type TemplateList } from "@/components/templates/templates-api";
import type { PickedFile } from "@/components/inbox/use-attachment-uploads";
import { keepFocus, optionId, PickerListbox } from "@/components/inbox/picker-listbox";

/** What fills {ten_khach} and {ten_trang}: the conversation's customer and page / OA. */
export interface TemplateFillNames {
  customerName: string | null;
  pageName: string;
}

interface Options {
  draft: string;
  setDraft: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  names: TemplateFillNames;
  /** The inserted template's files, for the composer's attachments. */
  onFiles: (files: UploadDto[]) => void;
}

/** The last list fetched in this page: shown at once when the picker opens, while a fresh one loads. */
let cachedList: TemplateList | null = null;

export function useTemplatePicker({ draft, setDraft, textarea, names, onFiles }: Options) {
  const t = useTranslations("templates.picker");
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [highlight, setHighlight] = useState({ query: "", index: 0 });
  const [list, setList] = useState<TemplateList | null>(cachedList);
  const [failed, setFailed] = useState(false);
  const [reloads, setReloads] = useState(0);

  const token = caret === null ? null : slashQueryAt(draft, Math.min(caret, draft.length));
  const entries = useMemo(() => searchableTemplates(list?.templates ?? []), [list]);
  // Folding is done once per list (entries); matching 500 folded texts per keystroke is well under a millisecond.
  const matches = token ? filterTemplates(entries, token.query) : [];
  const typing = token !== null && token.start !== dismissedAt;
  // Past the first word, a "/" with no match is ordinary writing ("/sale cuối tuần"): stay out of the way.
  const open = typing && (list === null || matches.length > 0 || !token.query.includes(" "));
  const active = token && highlight.query === token.query ? Math.min(highlight.index, Math.max(0, matches.length - 1)) : 0;
  const listed = open && list !== null && matches.length > 0;

  // Refreshed on each opening (and on "Thử lại"): templates edited meanwhile show up.
  useEffect(() => {
    if (!open) return;
    let current = true;
    fetchTemplates().then(
      (fresh) => {
        cachedList = fresh;
        if (!current) return;
        setList(fresh);
        setFailed(false);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [open, reloads]);

  useEffect(() => {
    if (listed) document.getElementById(optionId(listId, active))?.scrollIntoView({ block: "nearest" });
  }, [listed, listId, active]);

  function pick(template: TemplateDto) {
    if (!token || !list) return;
    const filled = fillTemplate(template.text, { ...names, agentName: list.agentName, customerFallback: t("customerFallback") });
    const next = insertTemplateText(draft, token, filled);
    setDraft(next.text);
    setCaret(next.caret);
    if (template.attachments.length > 0) onFiles(template.attachments);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  /** The composer's key handler asks first; true when the picker used the key. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || !token || event.nativeEvent.isComposing) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(token.start);
      return true;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!listed) return false;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight({ query: token.query, index: (active + step + matches.length) % matches.length });
      return true;
    }
    if (event.key === "Enter" && !event.shiftKey) {
      const template = matches[active];
      // While the first list loads, Enter must not send "/phi" to the customer.
      if (list === null || (listed && template)) {
        event.preventDefault();
        if (template) pick(template);
        return true;
      }
    }
    return false;
  }

  const trackCaret = (event: { currentTarget: HTMLTextAreaElement }) => {
    const { value, selectionStart } = event.currentTarget;
    setCaret(selectionStart);
    // The "/" that Escape closed is gone: a "/" typed again at the same place opens the list again.
    if (!slashQueryAt(value, selectionStart)) setDismissedAt(null);
  };

  return {
    onKeyDown,
    /**
     * Spread on the composer's text box. It stays a textbox (HTML allows a textarea no other role, and
     * it is the message box to screen readers and tests alike), with the listbox attributes a textbox
     * takes: the popup, the list it controls and the highlighted option; a live region counts matches.
     */
    inputProps: {
      "aria-haspopup": "listbox",
      "aria-autocomplete": "list",
      "aria-controls": listed ? listId : undefined,
      "aria-activedescendant": listed ? optionId(listId, active) : undefined,
      onSelect: trackCaret,
      onInput: trackCaret,
      onFocus: trackCaret,
      onBlur: () => setCaret(null),
    } as const,
    popup: open ? (
      <TemplateOptions
        listId={listId}
        list={list}
        failed={failed}
        matches={matches}
        query={token?.query ?? ""}
        active={active}
        onPick={pick}
        onRetry={() => setReloads((count) => count + 1)}
      />
    ) : null,
  };
}

/** A template's files as the composer's picked files: uploaded already, or refused for this platform. */
export function templateFiles(files: readonly UploadDto[], refuse: (file: { type: string; size: number }) => string | null): PickedFile[] {
  return files.map((file, index) => {
    const refusal = refuse({ type: file.contentType, size: file.size });
    return {
      id: `template-${file.id}-${Date.now()}-${index}`,
      name: file.name,
      type: file.type,
      status: refusal ? "failed" : "ready",
      url: refusal ? null : file.url,
      error: null,
      refusal,
    };
  });
}

interface ListProps {
  listId: string;
  list: TemplateList | null;
  failed: boolean;
  matches: TemplateDto[];
  query: string;
  active: number;
  onPick: (template: TemplateDto) => void;
  onRetry: () => void;
}

function TemplateOptions({ listId, list, failed, matches, query, active, onPick, onRetry }: ListProps) {
  const t = useTranslations("templates.picker");
  let body: React.ReactNode;
  if (list === null) {
    body = failed ? (
      <p className="flex items-center justify-between gap-2 px-3 py-2 text-red-700" role="alert">
        {t("failed")}
        <button type="button" onMouseDown={keepFocus} onClick={onRetry} className="rounded px-1 font-medium underline focus:ring-2 focus:ring-brand-500 focus:outline-none">
          {t("retry")}
        </button>
      </p>
    ) : (
      <p className="px-3 py-2 text-slate-500" role="status">
        {t("loading")}
      </p>
    );
  } else if (matches.length === 0) {
    body = (
      <p className="px-3 py-2 text-slate-500" role="status">
        {list.templates.length === 0 ? t("empty") : t("noMatch", { query: `/${query}` })}
      </p>
    );
  } else {
    body = (
      <PickerListbox
        id={listId}
        label={t("label")}
        items={matches}
        active={active}
        onPick={onPick}
        className="max-h-64 overflow-y-auto py-1"
        optionClassName={(highlighted) => `flex cursor-pointer flex-col px-3 py-1.5 ${highlighted ? "bg-brand-50" : "hover:bg-slate-50"}`}
      >
        {(template) => (
          <>
            <span className="flex items-center gap-2">
              <span className="font-mono text-sm font-semibold text-brand-700">/{template.shortcut}</span>
              {template.attachments.length > 0 && <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{t("files", { count: template.attachments.length })}</span>}
            </span>
            {template.text && <span className="line-clamp-2 text-xs text-slate-600">{template.text}</span>}
          </>
        )}
      </PickerListbox>
    );
  }
  return (
    <div className="absolute bottom-full left-0 z-20 mb-1 w-full max-w-lg overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-lg">
      {body}
      <div className="flex items-center justify-between gap-2 border-t border-slate-100 px-3 py-1 text-xs text-slate-500">
        <span className="hidden sm:inline">{t("hint")}</span>
        <Link href="/settings/templates" onMouseDown={keepFocus} className="ml-auto rounded font-medium text-brand-700 underline focus:ring-2 focus:ring-brand-500 focus:outline-none">
          {t("manage")}
        </Link>
      </div>
      {list && matches.length > 0 && (
        <p className="sr-only" aria-live="polite">
          {t("results", { count: matches.length })}
        </p>
      )}
    </div>
  );
}
