// The palette as a radio group: each colour a swatch with its name (not colour alone), chosen by
// click or, as any radio group, with the arrow keys.
"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { LABEL_COLORS, labelColors, type LabelColor } from "@/lib/labels/label-colors";

export function ColorPicker({ value, onChange, disabled = false }: { value: LabelColor; onChange: (color: LabelColor) => void; disabled?: boolean }) {
  const t = useTranslations("customer.labels");
  const name = useId();
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-700">{t("color")}</legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {LABEL_COLORS.map((color) => (
          <label key={color} className="cursor-pointer">
            <input type="radio" name={name} value={color} checked={value === color} onChange={() => onChange(color)} className="peer sr-only" />
            <span
              className={`flex items-center gap-1.5 rounded-full px-2 py-1 text-xs font-medium ring-1 ring-inset peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 ${labelColors[color].chip}`}
            >
              <span aria-hidden className={`size-2.5 rounded-full ${labelColors[color].swatch}`} />
              {t(`colors.${color}`)}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
