// The report's key figures as cards: counts over the range, the two durations as median with p90
// beneath, and what is waiting right now. They stack on a phone.
"use client";
import { useTranslations } from "next-intl";
import type { ReportTotals } from "@/components/reports/report-types";
import type { ReportFormat } from "@/components/reports/use-report-format";

export function FigureCards({
  totals,
  format,
  agentFiltered,
}: {
  totals: ReportTotals;
  format: ReportFormat;
  agentFiltered: boolean;
}) {
  const t = useTranslations("reports");
  const cards: { key: string; label: string; value: string; detail?: string; note?: string }[] = [
    {
      key: "newConversations",
      label: t("figures.newConversations"),
      value: format.number(totals.newConversations),
    },
    {
      key: "customerMessages",
      label: t("figures.customerMessages"),
      value: format.number(totals.customerMessages),
      note: agentFiltered ? t("agentFilterNote") : undefined,
    },
    { key: "agentReplies", label: t("figures.agentReplies"), value: format.number(totals.agentReplies) },
    {
      key: "firstResponse",
      label: t("figures.firstResponse"),
      value: format.duration(totals.firstResponse.median),
      detail: t("figures.p90", { value: format.duration(totals.firstResponse.p90) }),
    },
    {
      key: "resolution",
      label: t("figures.resolution"),
      value: format.duration(totals.resolution.median),
      detail: t("figures.p90", { value: format.duration(totals.resolution.p90) }),
    },
    {
      key: "reassignedForNoAnswer",
      label: t("figures.reassignedForNoAnswer"),
      value: format.number(totals.reassignedForNoAnswer),
    },
    {
      key: "unansweredNow",
      label: t("figures.unansweredNow"),
      value: format.number(totals.unansweredNow),
      detail: t("figures.now"),
    },
  ];
  return (
    <ul aria-label={t("figures.label")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => (
        <li
          key={card.key}
          className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
        >
          <span className="text-sm text-slate-600">{card.label}</span>
          <span className="text-2xl font-semibold tabular-nums" data-figure={card.key}>
            {card.value}
          </span>
          {card.detail && <span className="text-xs text-slate-600">{card.detail}</span>}
          {card.note && <span className="text-xs text-amber-800">{card.note}</span>}
        </li>
      ))}
    </ul>
  );
}
