// "Báo cáo" keeps its range and filters in the page's address: what is read back is what was
// written, presets count back from the shop's today (today included), a custom range is used only
// once it is whole, in order and no longer than the API answers, and nothing the address says
// reaches the API unless it is a date, a known platform or an id-like value.
import { describe, expect, it } from "vitest";
import {
  apiSearch,
  pageSearch,
  readReportQuery,
  resolveRange,
  type ReportQuery,
} from "@/components/reports/report-query";
import { addDays } from "@/lib/reports/local-dates";

const read = (search: string) => readReportQuery(new URLSearchParams(search));

describe("the reports screen's query", () => {
  it("reads the defaults from an empty address and writes nothing back for them", () => {
    const query = read("");
    expect(query).toEqual({
      range: "7d",
      from: null,
      to: null,
      platform: null,
      channelId: null,
      ruleId: null,
      agentId: null,
    });
    expect(pageSearch(query)).toBe("");
  });

  it("round-trips every range and filter through the address", () => {
    const queries: ReportQuery[] = [
      {
        range: "today",
        from: null,
        to: null,
        platform: "zalo",
        channelId: null,
        ruleId: "r1",
        agentId: null,
      },
      { range: "30d", from: null, to: null, platform: null, channelId: "c1", ruleId: null, agentId: "u1" },
      {
        range: "custom",
        from: "2026-11-01",
        to: "2026-11-30",
        platform: "facebook",
        channelId: "c2",
        ruleId: "r2",
        agentId: "u2",
      },
      {
        range: "custom",
        from: "2026-11-01",
        to: null,
        platform: null,
        channelId: null,
        ruleId: null,
        agentId: null,
      },
    ];
    for (const query of queries) expect(read(pageSearch(query))).toEqual(query);
  });

  it("drops what it does not know: another range, a platform the app lacks, dates that are not dates", () => {
    expect(read("range=90d&platform=telegram").range).toBe("7d");
    expect(read("platform=telegram").platform).toBeNull();
    expect(read("platform=toString").platform).toBeNull();
    expect(read("range=custom&from=2026-02-30&to=2026-13-01")).toMatchObject({ from: null, to: null });
    // Dates belong to a custom range only.
    expect(read("range=7d&from=2026-11-01&to=2026-11-30")).toMatchObject({ from: null, to: null });
  });

  it("counts presets back from the shop's today, today included, across months and leap days", () => {
    const at = (range: ReportQuery["range"], today: string) => resolveRange({ ...read(""), range }, today);
    expect(at("today", "2026-12-04")).toEqual({ from: "2026-12-04", to: "2026-12-04" });
    expect(at("7d", "2026-12-04")).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(at("30d", "2026-12-04")).toEqual({ from: "2026-11-05", to: "2026-12-04" });
    expect(at("7d", "2028-03-02")).toEqual({ from: "2028-02-25", to: "2028-03-02" });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("uses a custom range only when it is whole, in order and at most 366 days", () => {
    const custom = (from: string | null, to: string | null) =>
      resolveRange({ ...read(""), range: "custom", from, to }, "2026-12-04");
    expect(custom("2026-11-01", null)).toEqual({ problem: "incomplete" });
    expect(custom("2026-11-02", "2026-11-01")).toEqual({ problem: "reversed" });
    expect(custom("2026-11-01", "2026-11-01")).toEqual({ from: "2026-11-01", to: "2026-11-01" });
    expect(custom("2025-01-01", "2026-01-01")).toEqual({ from: "2025-01-01", to: "2026-01-01" });
    expect(custom("2024-01-01", "2025-01-01")).toEqual({ problem: "tooLong" });
  });

  it("asks the API and the CSV downloads for the dates and the filters set, nothing else", () => {
    const query = read("range=30d&platform=zalo&agentId=u1");
    expect(apiSearch({ from: "2026-11-05", to: "2026-12-04" }, query)).toBe(
      "from=2026-11-05&to=2026-12-04&platform=zalo&agentId=u1",
    );
  });
});
