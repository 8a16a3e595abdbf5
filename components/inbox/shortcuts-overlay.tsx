// "?" in the inbox: every keyboard shortcut in a dialog (the native <dialog> of Modal traps focus and
// closes on Escape, then gives focus back to where it was).
"use client";
import { useTranslations } from "next-intl";
import { Modal } from "@/components/channels/modal";
import { INBOX_SHORTCUTS } from "@/components/inbox/use-inbox-shortcuts";

export function ShortcutsOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("shortcuts");
  return (
    <Modal open={open} title={t("title")} onClose={onClose}>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-3 text-sm">
        {INBOX_SHORTCUTS.map(({ action, keys }) => (
          <div key={action} className="contents">
            <dt className="text-slate-700">{t(`actions.${action}`)}</dt>
            <dd className="flex flex-wrap items-center justify-end gap-1 text-slate-500">
              {keys.map((combination, index) => (
                <span key={combination.join("+")} className="flex items-center gap-1">
                  {index > 0 && <span className="px-1">{t("or")}</span>}
                  {combination.map((key) => (
                    <kbd key={key} className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800">
                      {key}
                    </kbd>
                  ))}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-500">{t("typingNote")}</p>
    </Modal>
  );
}
