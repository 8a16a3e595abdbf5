// The answer of GET /api/reports (app/api/reports/route.ts) as the screen reads it: the server's own
// types, imported as types only, so the browser bundle takes none of their code.
import type { Report } from "@/lib/reports/read-report";
import type { ReportOptions } from "@/lib/reports/report-options";

export type { AgentFigures, Report } from "@/lib/reports/read-report";
export type { ReportOptions } from "@/lib/reports/report-options";
export type ReportTotals = Report["totals"];
export type VolumeDay = Report["volumeByDay"][number];

export interface ReportAnswer {
  report: Report;
  options: ReportOptions;
}
