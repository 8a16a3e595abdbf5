// "Theo nhân viên": one row per staff member with what they did in the range and what they hold now.
// Every column sorts when its heading is pressed (again: the other way); the heading says how the
// table is sorted (aria-sort). Empty durations ("—") sort last either way.
"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ScrollArea } from "@/components/reports/chart-card";
import type { AgentFigures } from "@/components/reports/report-types";
import type { ReportFormat } from "@/components/reports/use-report-format";

const columns = [
  "name",
  "conversationsHandled",
  "replies",
  "firstResponseMedian",
  "firstResponseP90",
  "closed",
  "openNow",
] as const;
type Column = (typeof columns)[number];
type Direction = "ascending" | "descending";

export function sortAgents(
  agents: AgentFigures[],
  column: Column,
  direction: Direction,
  locale: string,
): AgentFigures[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...agents].sort((a, b) => {
    if (column === "name") return sign * a.name.localeCompare(b.name, locale);
    const [x, y] = [a[column], b[column]];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || a.name.localeCompare(b.name, locale);
  });
}

export function AgentTable({
  agents,
  range,
  format,
}: {
  agents: AgentFigures[];
  range: { from: string; to: string };
  format: ReportFormat;
}) {
  const t = useTranslations("reports.agents");
  const locale = useLocale();
  const id = useId();
  const [sort, setSort] = useState<{ column: Column; direction: Direction }>({
    column: "conversationsHandled",
    direction: "descending",
  });
  const sorted = sortAgents(agents, sort.column, sort.direction, locale);

  function sortBy(column: Column) {
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { column, direction: column === "name" ? "ascending" : "descending" },
    );
  }

  const cell = (agent: AgentFigures, column: Exclude<Column, "name">) => {
    const value = agent[column];
    return column === "firstResponseMedian" || column === "firstResponseP90"
      ? format.duration(value)
      : format.number(value ?? 0);
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="font-medium">
        {t("title")}
      </h2>
      {agents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">{t("sortHint")}</p>
          <ScrollArea label={t("scroll")}>
            <table className="w-full border-collapse text-sm">
              <caption className="mb-2 text-left text-xs text-slate-600">
                {t("caption", { range: format.span(range) })}
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  {columns.map((column) => {
                    const active = sort.column === column;
                    return (
                      <th
                        key={column}
                        scope="col"
                        aria-sort={active ? sort.direction : "none"}
                        className={`p-0 font-medium ${column === "name" ? "sticky left-0 bg-white text-left" : "text-right"}`}
                      >
                        <button
                          type="button"
                          onClick={() => sortBy(column)}
                          className={`inline-flex w-full items-center gap-1 rounded px-2 py-1.5 whitespace-nowrap hover:bg-slate-50 ${column === "name" ? "justify-start text-left" : "justify-end text-right"}`}
                        >
                          {t(column)}
                          <span
                            aria-hidden
                            className={`text-xs ${active ? "text-slate-700" : "text-slate-300"}`}
                          >
                            {active && sort.direction === "ascending" ? "▲" : "▼"}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {sorted.map((agent) => (
                  <tr key={agent.id} className="border-b border-slate-100 last:border-0">
                    <th
                      scope="row"
                      className="sticky left-0 bg-white px-2 py-2 text-left font-normal whitespace-nowrap"
                    >
                      {agent.name}
                      {!agent.active && (
                        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                          {t("inactive")}
                        </span>
                      )}
                    </th>
                    {columns.slice(1).map((column) => (
                      <td key={column} className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
                        {cell(agent, column as Exclude<Column, "name">)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </>
      )}
    </section>
  );
}
