// The switch above the composer between "Trả lời" (to the customer) and "Ghi chú nội bộ" (to
// colleagues): an ARIA tab list, so Tab reaches the chosen one and the arrow keys switch.
"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";

export type ComposeMode = "reply" | "note";

const modes: ComposeMode[] = ["reply", "note"];

export const composeTabId = (baseId: string, mode: ComposeMode) => `${baseId}-${mode}-tab`;
export const composePanelId = (baseId: string) => `${baseId}-panel`;

export function NoteModeTabs({ baseId, mode, onChange }: { baseId: string; mode: ComposeMode; onChange: (mode: ComposeMode) => void }) {
  const t = useTranslations("notes.modes");
  const tabs = useRef<Partial<Record<ComposeMode, HTMLButtonElement | null>>>({});

  function onKeyDown(event: React.KeyboardEvent) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const target = event.key === "Home" ? modes[0] : event.key === "End" ? modes.at(-1) : step ? modes[(modes.indexOf(mode) + step + modes.length) % modes.length] : undefined;
    if (!target) return;
    event.preventDefault();
    onChange(target);
    tabs.current[target]?.focus();
  }

  return (
    <div role="tablist" aria-label={t("label")} className="flex gap-1 border-t border-slate-200 bg-white px-2 pt-1.5 sm:px-3" onKeyDown={onKeyDown}>
      {modes.map((item) => {
        const selected = item === mode;
        const tone = item === "note" ? (selected ? "border-amber-500 bg-amber-50 text-amber-900" : "text-slate-600 hover:text-amber-800") : selected ? "border-brand-600 text-brand-700" : "text-slate-600 hover:text-brand-700";
        return (
          <button
            key={item}
            ref={(element) => {
              tabs.current[item] = element;
            }}
            id={composeTabId(baseId, item)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={composePanelId(baseId)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(item)}
            className={`rounded-t-md border-b-2 px-3 py-1.5 text-xs font-medium focus:ring-2 focus:ring-brand-500 focus:outline-none ${selected ? "" : "border-transparent"} ${tone}`}
          >
            {t(item)}
          </button>
        );
      })}
    </div>
  );
}
