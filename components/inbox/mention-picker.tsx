// The list "@" opens in the note composer: colleagues who may see the conversation, filtered by
// what follows the "@". Focus stays in the text box (a combobox); the arrows move the highlighted
// option (aria-activedescendant), Enter or Tab inserts it, Escape closes the list.
"use client";
import { useTranslations } from "next-intl";
import type { Colleague } from "@/components/inbox/note-mention-text";
import type { MentionableState } from "@/components/inbox/use-note-composer";
import { Avatar } from "@/components/inbox/avatar";
import { keepFocus, PickerListbox } from "@/components/inbox/picker-listbox";

interface Props {
  id: string;
  state: MentionableState;
  options: Colleague[];
  query: string;
  active: number;
  onPick: (colleague: Colleague) => void;
  onRetry: () => void;
}

export function MentionPicker({ id, state, options, query, active, onPick, onRetry }: Props) {
  const t = useTranslations("notes.mentions");
  const frame = "absolute bottom-full left-0 z-20 mb-1 max-h-56 w-full max-w-sm overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg";
  if (state.status !== "ready") {
    return (
      <div className={frame} role="status">
        {state.status === "loading" ? (
          <p className="px-3 py-2 text-slate-500">{t("loading")}</p>
        ) : (
          <p className="flex items-center justify-between gap-2 px-3 py-2 text-red-700">
            {t("loadFailed")}
            <button type="button" onMouseDown={keepFocus} onClick={onRetry} className="rounded px-1 font-medium underline focus:ring-2 focus:ring-brand-500 focus:outline-none">
              {t("retry")}
            </button>
          </p>
        )}
      </div>
    );
  }
  if (options.length === 0) {
    return (
      <p className={`${frame} px-3 py-2 text-slate-500`} role="status">
        {state.colleagues.length === 0 ? t("empty") : t("noMatch", { query })}
      </p>
    );
  }
  return (
    <PickerListbox
      id={id}
      label={t("listLabel")}
      items={options}
      active={active}
      onPick={onPick}
      className={frame}
      optionClassName={(highlighted) => `flex cursor-pointer items-center gap-2 px-3 py-1.5 ${highlighted ? "bg-amber-100 text-slate-900" : "text-slate-700 hover:bg-slate-50"}`}
    >
      {(colleague) => (
        <>
          <Avatar name={colleague.name} url={null} size="sm" />
          <span className="truncate">{colleague.name}</span>
        </>
      )}
    </PickerListbox>
  );
}
