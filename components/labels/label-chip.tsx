// A label as a small coloured chip: in the conversation list, the side panel and the admin screen.
// With `onRemove`, the chip carries its own remove button (named for the label, for screen readers).
"use client";
import { useTranslations } from "next-intl";
import { labelColorClasses } from "@/lib/labels/label-colors";
import type { LabelDto } from "@/lib/labels/label-input";

export function LabelChip({ label, size = "md", onRemove, removing = false }: { label: LabelDto; size?: "sm" | "md"; onRemove?: () => void; removing?: boolean }) {
  const t = useTranslations("customer.labels");
  const text = size === "sm" ? "px-1.5 py-0.5 text-[11px]" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex max-w-full items-center gap-1 rounded-full font-medium ring-1 ring-inset ${labelColorClasses(label.color).chip} ${text}`}>
      <span className="truncate">{label.name}</span>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          disabled={removing}
          aria-label={t("remove", { name: label.name })}
          className="-mr-1 rounded-full px-1 leading-none outline-none hover:bg-black/10 focus-visible:ring-2 focus-visible:ring-brand-500 disabled:opacity-50"
        >
          <span aria-hidden>×</span>
        </button>
      )}
    </span>
  );
}
