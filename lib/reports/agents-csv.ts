// "Tải CSV (nhân viên)": the per-agent table of the report, as the page shows it.
import type { SessionUser } from "@/lib/auth/session-token";
import type { Locale } from "@/lib/i18n/locales";
import type { ReportQuery } from "@/lib/reports/report-query";
import { readReport, type AgentFigures } from "@/lib/reports/read-report";
import { agentColumns, yesNo } from "@/lib/reports/csv-columns";
import { csvLines } from "@/lib/reports/csv";

/** Reads the report first, so a refused query is answered before the download starts. */
export async function agentsCsv(admin: SessionUser, query: ReportQuery, locale: Locale): Promise<AsyncGenerator<string>> {
  const { agents } = await readReport(admin, query);
  return agentTable(agents, locale);
}

async function* agentTable(agents: AgentFigures[], locale: Locale): AsyncGenerator<string> {
  const [yes, no] = yesNo[locale];
  yield await csvLines([
    agentColumns[locale],
    ...agents.map((agent) => [
      agent.name,
      agent.active ? yes : no,
      agent.conversationsHandled,
      agent.replies,
      agent.firstResponseMedian,
      agent.firstResponseP90,
      agent.closed,
      agent.openNow,
    ]),
  ]);
}
