// "Giờ khách nhắn tin": customer messages by weekday (rows, Monday first) and hour (columns), as a
// grid of cells shaded by count. Recharts has no heat map; a CSS grid is all it takes, and its 24
// columns fit a phone's width. Darker means more, on a scale of the range's busiest hour.
"use client";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/components/reports/chart-card";
import type { ReportFormat } from "@/components/reports/use-report-format";

/** From none to the busiest hour; blue-800 and blue-600 read as "many" beside slate-100's "none". */
const shades = [
  "bg-slate-100",
  "bg-blue-100",
  "bg-blue-200",
  "bg-blue-400",
  "bg-blue-600",
  "bg-blue-800",
] as const;

const shadeOf = (count: number, max: number) =>
  shades[count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * (shades.length - 1)))];

const hours = Array.from({ length: 24 }, (_, hour) => hour);

export function HeatMap({
  cells,
  range,
  format,
  note,
}: {
  cells: number[][];
  range: { from: string; to: string };
  format: ReportFormat;
  note?: React.ReactNode;
}) {
  const t = useTranslations("reports.charts.heatMap");
  const rows = Array.from({ length: 7 }, (_, weekday) => hours.map((hour) => cells[weekday]?.[hour] ?? 0));
  let busiest = { weekday: 0, hour: 0, count: 0 };
  rows.forEach((row, weekday) =>
    row.forEach((count, hour) => count > busiest.count && (busiest = { weekday, hour, count })),
  );
  const rangeText = format.span(range);
  const hourSpan = (hour: number) => ({ from: format.hour(hour), to: format.hour((hour + 1) % 24) });
  const summary =
    busiest.count === 0
      ? t("summaryEmpty", { range: rangeText })
      : t("summary", {
          range: rangeText,
          weekday: format.weekday(busiest.weekday),
          ...hourSpan(busiest.hour),
          count: format.number(busiest.count),
        });

  return (
    <ChartCard
      wide
      title={t("title")}
      note={note}
      summary={summary}
      table={{
        caption: t("caption", { range: rangeText }),
        columns: [t("weekday"), ...hours.map((hour) => t("hour", { hour }))],
        rows: rows.map((row, weekday) => ({ name: format.weekday(weekday), values: row.map(format.number) })),
      }}
    >
      <div
        className="grid gap-0.5 text-xs text-slate-600"
        style={{ gridTemplateColumns: "2rem repeat(24, minmax(0, 1fr))" }}
      >
        {rows.map((row, weekday) => (
          <div key={weekday} className="contents">
            <span className="flex items-center">{format.shortWeekday(weekday)}</span>
            {row.map((count, hour) => (
              <span
                key={hour}
                title={t("cell", {
                  weekday: format.weekday(weekday),
                  ...hourSpan(hour),
                  count: format.number(count),
                })}
                className={`h-5 rounded-sm sm:h-7 ${shadeOf(count, busiest.count)}`}
              />
            ))}
          </div>
        ))}
        <span />
        {hours.map((hour) => (
          <span key={hour} className="text-center tabular-nums">
            {hour % 3 === 0 ? hour : ""}
          </span>
        ))}
      </div>
      <div className="mt-3 flex items-center justify-end gap-1 text-xs text-slate-600">
        <span className="mr-1">{t("less")}</span>
        {shades.map((shade) => (
          <span key={shade} className={`size-3.5 rounded-sm ${shade}`} />
        ))}
        <span className="ml-1">{t("more")}</span>
      </div>
    </ChartCard>
  );
}
