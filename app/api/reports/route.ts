import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { parseReportQuery } from "@/lib/reports/report-query";
import { readReport } from "@/lib/reports/read-report";
import { listReportOptions } from "@/lib/reports/report-options";

/** GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD&platform=&channelId=&ruleId=&agentId= (admins). */
export const GET = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const query = parseReportQuery(request.url);
  const [report, options] = await Promise.all([readReport(admin, query), listReportOptions(admin)]);
  return NextResponse.json({ report, options });
});
