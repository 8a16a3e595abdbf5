// One chart of the reports screen: its title, an optional note, and the chart drawn as an image
// with a one-sentence summary for screen readers, or — after "Xem dạng bảng" — the same figures as
// a real table with a caption and headers, for anyone who would rather read numbers.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export interface ChartTable {
  caption: string;
  /** The first column's heading (the rows' names), then the value columns'. */
  columns: string[];
  rows: { name: string; values: string[] }[];
}

export function ChartCard({
  title,
  note,
  summary,
  table,
  children,
  wide = false,
}: {
  title: string;
  note?: React.ReactNode;
  /** What the chart shows, in one or two sentences: the image's name. */
  summary: string;
  table: ChartTable;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const t = useTranslations("reports.charts");
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${wide ? "lg:col-span-2" : ""}`}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={`${id}-title`} className="min-w-0 font-medium">
          {title}
        </h2>
        <button
          type="button"
          aria-controls={`${id}-body`}
          onClick={() => setAsTable((shown) => !shown)}
          className="shrink-0 rounded-lg border border-slate-300 bg-white px-3 py-1 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-50"
        >
          {asTable ? t("viewChart") : t("viewTable")}
        </button>
      </div>
      {note}
      <div id={`${id}-body`}>
        {asTable ? (
          <ScrollArea label={table.caption}>
            <table className="w-full border-collapse text-sm">
              <caption className="mb-2 text-left text-xs text-slate-600">{table.caption}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  {table.columns.map((column, index) => (
                    <th
                      key={column}
                      scope="col"
                      className={`px-2 py-1.5 font-medium whitespace-nowrap ${index > 0 ? "text-right" : ""}`}
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.name} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                      {row.name}
                    </th>
                    {row.values.map((value, index) => (
                      <td key={index} className="px-2 py-1.5 text-right tabular-nums">
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        ) : (
          <div role="img" aria-label={summary}>
            {children}
          </div>
        )}
      </div>
    </section>
  );
}

/** A region wider than a phone: scrolls sideways, and takes the focus so the keyboard can scroll it. */
export function ScrollArea({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}
