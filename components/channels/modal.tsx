// A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes, and
// focus returns to the opener afterwards, which the browser does for us. A close button serves
// touch screens.
"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

export function Modal({
  open,
  title,
  wide = false,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** Room for a whole form (the wizard's rule form) on a laptop; a phone gets the full width either way. */
  wide?: boolean;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${wide ? "max-w-2xl" : "max-w-lg"} rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open && (
        <div className="flex max-h-[85dvh] flex-col">
          <header className="flex items-start gap-3 border-b border-slate-200 px-5 py-4">
            <h2 id={titleId} className="flex-1 text-lg font-semibold">
              {title}
            </h2>
            {/* Phones have no Escape key: closing must be a button too. */}
            <button
              type="button"
              onClick={onClose}
              aria-label={t("close")}
              className="-mr-2 -mt-1 rounded-lg p-2 text-xl leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            >
              <span aria-hidden>×</span>
            </button>
          </header>
          {/* The padding sits inside the scroller, so a sticky footer (the rule form's "Lưu") meets its edge. */}
          <div className="overflow-y-auto">
            <div className="px-5 py-4">{children}</div>
          </div>
        </div>
      )}
    </dialog>
  );
}
