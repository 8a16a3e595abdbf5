// The report's range: "Hôm nay", "7 ngày", "30 ngày" (counted back from the shop's today, today
// included) or "Tùy chọn" with two date inputs, which open on the range shown so far.
"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  rangePresets,
  type RangePreset,
  type ReportQuery,
  type ResolvedRange,
} from "@/components/reports/report-query";

export function RangePicker({
  query,
  resolved,
  onChange,
}: {
  query: ReportQuery;
  resolved: ResolvedRange;
  onChange: (query: ReportQuery) => void;
}) {
  const t = useTranslations("reports.range");
  const id = useId();

  function choose(range: RangePreset) {
    if (range === query.range) return;
    // A custom range starts from the dates shown until now, so both inputs are filled.
    const start =
      range === "custom" && "from" in resolved
        ? { from: resolved.from, to: resolved.to }
        : { from: null, to: null };
    onChange({ ...query, range, ...start });
  }

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <div
        role="group"
        aria-label={t("label")}
        className="inline-flex w-full rounded-lg border border-slate-300 bg-white p-0.5 sm:w-auto"
      >
        {rangePresets.map((range) => (
          <button
            key={range}
            type="button"
            aria-pressed={query.range === range}
            onClick={() => choose(range)}
            className={`flex-1 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap sm:flex-none ${query.range === range ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {t(range)}
          </button>
        ))}
      </div>
      {query.range === "custom" && (
        <div className="flex flex-wrap items-end gap-3">
          <DateInput
            id={`${id}-from`}
            label={t("from")}
            value={query.from}
            max={query.to}
            onChange={(from) => onChange({ ...query, from })}
          />
          <DateInput
            id={`${id}-to`}
            label={t("to")}
            value={query.to}
            min={query.from}
            onChange={(to) => onChange({ ...query, to })}
          />
          {"problem" in resolved && (
            <p role="alert" className="w-full text-sm text-red-700">
              {t(resolved.problem)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function DateInput({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value ?? ""}
        min={min ?? undefined}
        max={max ?? undefined}
        onChange={(event) => onChange(event.target.value || null)}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500"
      />
    </div>
  );
}
