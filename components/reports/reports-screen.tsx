// "Báo cáo" (admins): the range and filters, kept in the page's address; the key figures; customer
// messages per day and by hour of the week; first response times and open conversations per staff
// member; the table per staff member; CSV downloads of the same query; and how it is all counted.
"use client";
import { useSearchParams } from "next/navigation";
import { useTimeZone, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { dateFormat } from "@/lib/i18n/date-format";
import { workspaceTimeZone } from "@/lib/i18n/locales";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { AgentTable } from "@/components/reports/agent-table";
import { FirstResponseChart, OpenNowChart } from "@/components/reports/agent-charts";
import { FigureCards } from "@/components/reports/figure-cards";
import { HeatMap } from "@/components/reports/heat-map";
import { RangePicker } from "@/components/reports/range-picker";
import { ReportDefinitions } from "@/components/reports/report-definitions";
import { ReportFilterSelects } from "@/components/reports/report-filters";
import {
  apiSearch,
  pageSearch,
  readReportQuery,
  resolveRange,
  type ReportQuery,
} from "@/components/reports/report-query";
import type { Report } from "@/components/reports/report-types";
import { useReport } from "@/components/reports/use-report";
import { useReportFormat } from "@/components/reports/use-report-format";
import { VolumeChart } from "@/components/reports/volume-chart";

/** Nothing happened in the range: no conversation, message, reply or episode measured. */
function isEmpty({ totals, agents }: Report): boolean {
  return (
    totals.newConversations === 0 &&
    totals.customerMessages === 0 &&
    totals.agentReplies === 0 &&
    totals.reassignedForNoAnswer === 0 &&
    totals.firstResponse.median === null &&
    totals.resolution.median === null &&
    agents.every((agent) => agent.conversationsHandled === 0 && agent.replies === 0 && agent.closed === 0)
  );
}

export function ReportsScreen() {
  const t = useTranslations("reports");
  const format = useReportFormat();
  const { errorText } = useErrorText();
  const params = useSearchParams();
  const query = useMemo(() => readReportQuery(new URLSearchParams(params.toString())), [params]);
  const zone = useTimeZone() ?? workspaceTimeZone;
  // Until the server has said what day it is in the shop, the browser works it out in the shop's zone.
  // Once it has, its word wins (a tab left open past midnight, a browser clock off): a preset whose
  // dates move is asked for again, once, since the next answer names the same day.
  const [browserToday] = useState(() => dateFormat("vi", zone).dayKey(new Date()));
  const [serverToday, setServerToday] = useState<string | null>(null);
  const today = serverToday ?? browserToday;
  const resolved = resolveRange(query, today);
  const search = "from" in resolved ? apiSearch(resolved, query) : null;
  const state = useReport(search, setServerToday);
  const answer = state.answer;

  function update(next: ReportQuery) {
    const nextSearch = pageSearch(next);
    window.history.replaceState(null, "", nextSearch ? `?${nextSearch}` : window.location.pathname);
  }

  const report = answer?.report ?? null;
  const agentFiltered = Boolean(query.agentId);
  const agentNote = agentFiltered ? (
    <p className="text-xs text-amber-800">{t("agentFilterNote")}</p>
  ) : undefined;
  const refreshing = state.status === "loading" && report !== null;

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
          <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-slate-600">
            <span>{t("timeZone", { zone: report?.range.timeZone ?? zone })}</span>
            {report && (
              <>
                <span aria-hidden className="hidden sm:inline">
                  ·
                </span>
                <span>{format.range(report.range)}</span>
              </>
            )}
          </p>
        </div>
        {search && (
          <div className="flex flex-wrap gap-2">
            <a
              href={`/api/reports/agents.csv?${search}`}
              download
              className={buttonClasses("secondary", "px-3 py-1.5")}
            >
              {t("download.agents")}
            </a>
            <a
              href={`/api/reports/conversations.csv?${search}`}
              download
              className={buttonClasses("secondary", "px-3 py-1.5")}
            >
              {t("download.conversations")}
            </a>
          </div>
        )}
      </div>

      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <RangePicker query={query} resolved={resolved} onChange={update} />
        <ReportFilterSelects
          filters={query}
          options={answer?.options ?? null}
          onChange={(filters) => update({ ...query, ...filters })}
        />
      </div>

      {/* A custom range not yet whole shows its message above, and no figures of another range. */}
      {search === null ? null : state.status === "error" ? (
        <div className="flex flex-col items-start gap-3">
          <Alert tone="error">
            {t("loadFailed")} {errorText(state.error)}
          </Alert>
          <Button variant="secondary" onClick={state.retry}>
            {t("retry")}
          </Button>
        </div>
      ) : !report ? (
        <LoadingSkeleton />
      ) : (
        <div
          aria-busy={refreshing || undefined}
          className={`flex flex-col gap-5 transition-opacity ${refreshing ? "opacity-60" : ""}`}
        >
          {refreshing && (
            <p role="status" className="sr-only">
              {t("loading")}
            </p>
          )}
          <FigureCards totals={report.totals} format={format} agentFiltered={agentFiltered} />
          {isEmpty(report) ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">{t("empty")}</p>
              <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
            </div>
          ) : (
            <>
              <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
                <VolumeChart
                  days={report.volumeByDay}
                  platforms={answer?.options.platforms ?? []}
                  range={report.range}
                  format={format}
                  note={agentNote}
                />
                <HeatMap cells={report.heatMap} range={report.range} format={format} note={agentNote} />
                <FirstResponseChart agents={report.agents} range={report.range} format={format} />
                <OpenNowChart agents={report.agents} format={format} />
              </div>
              <AgentTable agents={report.agents} range={report.range} format={format} />
            </>
          )}
        </div>
      )}

      <ReportDefinitions
        timeZone={report?.range.timeZone ?? zone}
        workingHoursSet={report?.range.workingHoursSet ?? null}
      />
    </div>
  );
}

function LoadingSkeleton() {
  const t = useTranslations("reports");
  return (
    <div role="status" aria-label={t("loading")} className="flex flex-col gap-5">
      <p className="text-sm text-slate-600">{t("loading")}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
        ))}
      </div>
      <div className="h-72 animate-pulse rounded-xl bg-slate-200/70" />
    </div>
  );
}
