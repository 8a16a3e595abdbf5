// The two charts per staff member: first response time (median and p90) over the range, and the
// conversations each one has open right now. Horizontal bars, so long Vietnamese names fit.
"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/reports/chart-card";
import { durationTicks } from "@/components/reports/format-duration";
import type { AgentFigures } from "@/components/reports/report-types";
import type { ReportFormat } from "@/components/reports/use-report-format";
import { legendText } from "@/components/reports/volume-chart";

const axisTick = { fontSize: 12, fill: "#475569" };
/** Room for a Vietnamese full name ("Nguyễn Thu Hà") on one line beside its bars. */
const nameWidth = 150;
/** Tall enough for every name: a bar group per staff member, plus the axis and legend. */
const heightFor = (count: number, legend: boolean) =>
  Math.max(120, count * (legend ? 44 : 32) + (legend ? 72 : 40));

export function FirstResponseChart({
  agents,
  range,
  format,
}: {
  agents: AgentFigures[];
  range: { from: string; to: string };
  format: ReportFormat;
}) {
  const t = useTranslations("reports.charts.firstResponse");
  const measured = agents
    .filter((agent) => agent.firstResponseMedian !== null)
    .sort((a, b) => (a.firstResponseMedian ?? 0) - (b.firstResponseMedian ?? 0));
  const rangeText = format.span(range);
  const fastest = measured[0];
  const ticks = durationTicks(
    Math.max(0, ...measured.map((agent) => agent.firstResponseP90 ?? agent.firstResponseMedian ?? 0)),
  );
  const summary = fastest
    ? t("summary", {
        count: measured.length,
        fastest: fastest.name,
        value: format.duration(fastest.firstResponseMedian),
      })
    : t("summaryEmpty", { range: rangeText });
  return (
    <ChartCard
      title={t("title")}
      summary={summary}
      table={{
        caption: t("caption", { range: rangeText }),
        columns: [t("agent"), t("median"), t("p90")],
        rows: measured.map((agent) => ({
          name: agent.name,
          values: [format.duration(agent.firstResponseMedian), format.duration(agent.firstResponseP90)],
        })),
      }}
    >
      {measured.length === 0 ? (
        <NoData />
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={measured.map((agent) => ({
            name: agent.name,
            median: agent.firstResponseMedian,
            p90: agent.firstResponseP90,
          }))}
          accessibilityLayer={false}
          style={{ width: "100%", height: heightFor(measured.length, true) }}
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1] ?? 0]}
            tick={axisTick}
            tickLine={false}
            tickFormatter={(value: number) => (value === 0 ? "0" : format.duration(value, 1))}
          />
          <YAxis type="category" dataKey="name" tick={axisTick} tickLine={false} width={nameWidth} />
          <Tooltip formatter={(value) => format.duration(Number(value))} cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 13 }} formatter={legendText} />
          <Bar dataKey="median" name={t("median")} fill="#2563eb" isAnimationActive={false} maxBarSize={16} />
          <Bar dataKey="p90" name={t("p90")} fill="#93c5fd" isAnimationActive={false} maxBarSize={16} />
        </BarChart>
      )}
    </ChartCard>
  );
}

export function OpenNowChart({ agents, format }: { agents: AgentFigures[]; format: ReportFormat }) {
  const t = useTranslations("reports.charts.openNow");
  // Everyone who works now, and anyone locked who still holds a conversation.
  const shown = agents
    .filter((agent) => agent.active || agent.openNow > 0)
    .sort((a, b) => b.openNow - a.openNow);
  const total = shown.reduce((sum, agent) => sum + agent.openNow, 0);
  const busiest = shown[0];
  const summary =
    busiest && total > 0
      ? t("summary", {
          total: format.number(total),
          busiest: busiest.name,
          count: format.number(busiest.openNow),
        })
      : t("summaryEmpty");
  return (
    <ChartCard
      title={t("title")}
      summary={summary}
      table={{
        caption: t("caption"),
        columns: [t("agent"), t("open")],
        rows: shown.map((agent) => ({ name: agent.name, values: [format.number(agent.openNow)] })),
      }}
    >
      {shown.length === 0 ? (
        <NoData />
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={shown.map((agent) => ({ name: agent.name, open: agent.openNow }))}
          accessibilityLayer={false}
          style={{ width: "100%", height: heightFor(shown.length, false) }}
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={axisTick} tickLine={false} />
          <YAxis type="category" dataKey="name" tick={axisTick} tickLine={false} width={nameWidth} />
          <Tooltip formatter={(value) => format.number(Number(value))} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="open" name={t("open")} fill="#0d9488" isAnimationActive={false} maxBarSize={20} />
        </BarChart>
      )}
    </ChartCard>
  );
}

function NoData() {
  const t = useTranslations("reports.charts");
  return <p className="py-6 text-center text-sm text-slate-600">{t("noData")}</p>;
}
