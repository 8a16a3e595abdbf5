// The answer of GET /api/reports as the screen reads it (the API's contract, issue 17): the figures
// of one range and filters, and the choices the filters offer. Durations are seconds; dates are the
// shop's local dates, YYYY-MM-DD.
import type { Platform } from "@/lib/generated/prisma/enums";

export interface Percentiles {
  median: number | null;
  p90: number | null;
}

export interface ReportTotals {
  newConversations: number;
  customerMessages: number;
  agentReplies: number;
  firstResponse: Percentiles;
  resolution: Percentiles;
  reassignedForNoAnswer: number;
  unansweredNow: number;
}

/** One day's customer messages, one key per platform of `options.platforms`. */
export type VolumeDay = { date: string } & Partial<Record<Platform, number>>;

export interface AgentFigures {
  id: string;
  name: string;
  active: boolean;
  conversationsHandled: number;
  replies: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  closed: number;
  openNow: number;
}

export interface Report {
  range: { from: string; to: string; timeZone: string; workingHoursSet: boolean };
  totals: ReportTotals;
  volumeByDay: VolumeDay[];
  /** [weekday 0 = Monday … 6 = Sunday][hour 0…23]: customer messages. */
  heatMap: number[][];
  agents: AgentFigures[];
}

export interface ReportOptions {
  platforms: Platform[];
  channels: { id: string; name: string; platform: Platform }[];
  rules: { id: string; name: string }[];
  agents: { id: string; name: string; active: boolean }[];
  /** The shop's local date today: the presets count back from it. */
  today: string;
}

export interface ReportAnswer {
  report: Report;
  options: ReportOptions;
}
