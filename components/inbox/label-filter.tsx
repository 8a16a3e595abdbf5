// "Nhãn": narrows the list to the conversations carrying one label, each choice with how many of the
// conversations the viewer may see have it. Beside the channel filter, in the same form. A label
// deleted while chosen drops the filter instead of leaving an empty list nobody can explain.
"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { LabelsState } from "@/components/labels/use-labels";
import type { ListFilter } from "@/components/inbox/inbox-api";

export function LabelFilter({ workspace, filter, onChange }: { workspace: LabelsState; filter: ListFilter; onChange: (filter: ListFilter) => void }) {
  const t = useTranslations("customer.labels");
  const { status, labels } = workspace;
  const chosenGone = status === "ready" && filter.labelId !== null && !labels.some((label) => label.id === filter.labelId);
  useEffect(() => {
    if (chosenGone) onChange({ ...filter, labelId: null });
  }, [chosenGone, filter, onChange]);
  if (labels.length === 0) return null;
  return (
    <label className="min-w-0 xl:w-40">
      <span className="sr-only">{t("filterLabel")}</span>
      <select
        value={filter.labelId ?? ""}
        onChange={(event) => onChange({ ...filter, labelId: labels.find((label) => label.id === event.target.value)?.id ?? null })}
        className="w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
      >
        <option value="">{t("allLabels")}</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {t("filterOption", { name: label.name, count: label.count })}
          </option>
        ))}
      </select>
    </label>
  );
}
