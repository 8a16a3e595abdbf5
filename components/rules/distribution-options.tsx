// The rule form's "Tùy chọn chia" for methods that hand conversations out: only available staff,
// a cap of open conversations per agent, and reassigning when nobody answers. The cap also applies
// to "Nhận chat", so it is offered for every method. Numbers are typed as text and checked on save.
"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

export interface DistributionOptionsValue {
  onlyAvailable: boolean;
  /** As typed: blank means no cap / no reassignment. */
  maxOpen: string;
  reassignAfter: string;
}

interface Props {
  value: DistributionOptionsValue;
  distributing: boolean;
  onChange: (value: DistributionOptionsValue) => void;
  errors: { maxOpenPerAgent?: string; reassignAfterMinutes?: string };
}

export function DistributionOptions({ value, distributing, onChange, errors }: Props) {
  const t = useTranslations("rules.form");
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t("options")}</legend>
      {distributing && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4"
            checked={value.onlyAvailable}
            onChange={(event) => onChange({ ...value, onlyAvailable: event.target.checked })}
          />
          <span>
            <span className="font-medium text-slate-900">{t("onlyAvailable")}</span>
            <span className="block text-xs text-slate-500">{t("onlyAvailableHint")}</span>
          </span>
        </label>
      )}
      <Field
        label={t("maxOpen")}
        hint={t("maxOpenHint")}
        name="maxOpenPerAgent"
        inputMode="numeric"
        value={value.maxOpen}
        onChange={(event) => onChange({ ...value, maxOpen: event.target.value })}
        error={errors.maxOpenPerAgent}
      />
      {distributing && (
        <Field
          label={t("reassignAfter")}
          hint={t("reassignAfterHint")}
          name="reassignAfterMinutes"
          inputMode="numeric"
          value={value.reassignAfter}
          onChange={(event) => onChange({ ...value, reassignAfter: event.target.value })}
          error={errors.reassignAfterMinutes}
        />
      )}
    </fieldset>
  );
}

/** A typed number for the API: blank → null; anything but a whole number ≥ 1 → NaN, which the form refuses. */
export function parseOptionalCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : Number.NaN;
}
