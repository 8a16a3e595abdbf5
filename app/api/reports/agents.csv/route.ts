import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { requestLocale } from "@/lib/i18n/request-locale";
import { parseReportQuery } from "@/lib/reports/report-query";
import { agentsCsv } from "@/lib/reports/agents-csv";
import { csvResponse } from "@/lib/reports/csv";

/** GET /api/reports/agents.csv?<the report's query> (admins). */
export const GET = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const query = parseReportQuery(request.url);
  return csvResponse(`bao-cao-nhan-vien_${query.from}_${query.to}.csv`, await agentsCsv(admin, query, await requestLocale()));
});
