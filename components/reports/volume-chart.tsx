// "Tin nhắn của khách theo ngày": customer messages per day of the range, one stacked bar per day
// with a segment per platform. The platforms come from the answer (options.platforms), so a new
// platform shows without a change here beyond its colour.
"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ChartCard } from "@/components/reports/chart-card";
import type { VolumeDay } from "@/components/reports/report-types";
import type { ReportFormat } from "@/components/reports/use-report-format";

/** Legend entries in the text colour: the series' own colours are too pale to read as text. */
export const legendText = (value: string) => <span className="text-slate-700">{value}</span>;

export const platformColors = { facebook: "#2563eb", zalo: "#0d9488" } as const satisfies Record<
  Platform,
  string
>;

export function VolumeChart({
  days,
  platforms,
  range,
  format,
  note,
}: {
  days: VolumeDay[];
  platforms: Platform[];
  range: { from: string; to: string };
  format: ReportFormat;
  note?: React.ReactNode;
}) {
  const t = useTranslations("reports.charts.volume");
  const rows = days.map((day) => {
    const counts = platforms.map((platform) => day[platform] ?? 0);
    return { day, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  });
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const busiest = rows.reduce<(typeof rows)[number] | null>(
    (best, row) => (!best || row.total > best.total ? row : best),
    null,
  );
  const rangeText = format.span(range);
  const summary =
    total === 0 || !busiest
      ? t("summaryEmpty", { range: rangeText })
      : t("summary", {
          range: rangeText,
          total: format.number(total),
          max: format.number(busiest.total),
          day: format.date(busiest.day.date),
        });
  const data = rows.map((row) => ({
    label: format.dayMonth(row.day.date),
    ...Object.fromEntries(platforms.map((platform, index) => [platform, row.counts[index]])),
  }));

  return (
    <ChartCard
      wide
      title={t("title")}
      note={note}
      summary={summary}
      table={{
        caption: t("caption", { range: rangeText }),
        columns: [t("date"), ...platforms.map((platform) => platformNames[platform]), t("total")],
        rows: rows.map((row) => ({
          name: format.date(row.day.date),
          values: [...row.counts, row.total].map(format.number),
        })),
      }}
    >
      <BarChart
        responsive
        data={data}
        accessibilityLayer={false}
        style={{ width: "100%", height: 260 }}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} minTickGap={12} />
        <YAxis
          allowDecimals={false}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip formatter={(value) => format.number(Number(value))} cursor={{ fill: "#f1f5f9" }} />
        <Legend wrapperStyle={{ fontSize: 13 }} formatter={legendText} />
        {platforms.map((platform) => (
          <Bar
            key={platform}
            dataKey={platform}
            name={platformNames[platform]}
            stackId="platforms"
            fill={platformColors[platform]}
            isAnimationActive={false}
            maxBarSize={48}
          />
        ))}
      </BarChart>
    </ChartCard>
  );
}
