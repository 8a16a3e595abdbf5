// "Nhãn" in the side panel: the conversation's labels as chips, each with its remove button, and
// "Gắn nhãn", a listbox of the workspace's other labels. By keyboard: the button opens the list,
// arrows, Home and End move, Enter or Space adds, Escape closes and gives the focus back.
"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { labelColorClasses } from "@/lib/labels/label-colors";
import type { LabelDto } from "@/lib/labels/label-input";
import { Alert } from "@/components/ui/alert";
import { LabelChip } from "@/components/labels/label-chip";
import { currentLabels, useLabels } from "@/components/labels/use-labels";
import { useCustomerErrorText } from "@/components/labels/use-customer-error-text";

const labelPath = (conversationId: string, labelId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/labels/${encodeURIComponent(labelId)}`;

export function LabelPicker({ conversationId, labels }: { conversationId: string; labels: LabelDto[] }) {
  const t = useTranslations("customer.labels");
  const { wholeText } = useCustomerErrorText();
  const workspace = useLabels();
  // The server's answer to this tab's own change, until the conversation's next summary arrives
  // (the live event): shown at once even when the socket is down.
  const [answer, setAnswer] = useState<{ base: LabelDto[]; labels: LabelDto[] } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  useEffect(() => {
    if (open) listRef.current?.focus();
  }, [open]);

  const shown = currentLabels(answer && answer.base === labels ? answer.labels : labels, workspace);
  const addable = workspace.labels.filter((label) => !shown.some((on) => on.id === label.id));

  async function change(label: LabelDto, on: boolean) {
    setBusyId(label.id);
    setError(null);
    try {
      const result = await apiFetch<{ labels: LabelDto[] }>(labelPath(conversationId, label.id), { method: on ? "PUT" : "DELETE" });
      setAnswer({ base: labels, labels: result.labels });
    } catch (caught) {
      setError(wholeText(caught));
    } finally {
      setBusyId(null);
    }
  }

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function pick(label: LabelDto | undefined) {
    if (!label) return;
    close();
    void change(label, true);
  }

  function onListKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: addable.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      setActiveIndex(Math.max(0, Math.min(addable.length - 1, moves[event.key]!)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      pick(addable[activeIndex]);
    } else if (event.key === "Escape") {
      // The inbox closes the whole panel on Escape unless the event was handled here.
      event.preventDefault();
      close();
    } else if (event.key === "Tab") setOpen(false);
  }

  return (
    <section aria-labelledby={`${listId}-title`} className="space-y-2">
      <h3 id={`${listId}-title`} className="text-xs text-slate-500">
        {t("panelTitle")}
      </h3>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {shown.map((label) => (
            <li key={label.id} className="min-w-0">
              <LabelChip label={label} onRemove={() => void change(label, false)} removing={busyId === label.id} />
            </li>
          ))}
        </ul>
      )}
      <div className="relative">
        <button
          ref={buttonRef}
          type="button"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          disabled={workspace.status !== "ready" || busyId !== null}
          onClick={() => {
            setActiveIndex(0);
            setOpen((value) => !value);
          }}
          className="rounded-lg border border-dashed border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 disabled:text-slate-400"
        >
          <span aria-hidden>+ </span>
          {t("addToConversation")}
        </button>
        {open &&
          (addable.length === 0 ? (
            <p role="status" className="mt-1 text-xs text-slate-500">
              {workspace.labels.length === 0 ? t("noneDefined") : t("nothingToAdd")}
            </p>
          ) : (
            <ul
              id={listId}
              role="listbox"
              aria-label={t("pickerLabel")}
              aria-activedescendant={`${listId}-${addable[activeIndex]?.id ?? ""}`}
              tabIndex={0}
              ref={listRef}
              onKeyDown={onListKeyDown}
              onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && event.relatedTarget !== buttonRef.current && setOpen(false)}
              className="absolute left-0 z-10 mt-1 max-h-60 w-full overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              {addable.map((label, index) => (
                <li
                  key={label.id}
                  id={`${listId}-${label.id}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  onMouseEnter={() => setActiveIndex(index)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(label)}
                  className={`flex cursor-pointer items-center gap-2 px-3 py-2 text-sm ${index === activeIndex ? "bg-brand-50" : ""}`}
                >
                  <span aria-hidden className={`size-2.5 shrink-0 rounded-full ${labelColorClasses(label.color).swatch}`} />
                  <span className="truncate">{label.name}</span>
                </li>
              ))}
            </ul>
          ))}
      </div>
      {workspace.status === "error" && (
        <p className="text-xs text-red-700">
          {t("loadFailed")}{" "}
          <button type="button" onClick={workspace.refresh} className="font-medium underline outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            {t("retry")}
          </button>
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </section>
  );
}
