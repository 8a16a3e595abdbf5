import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { requestLocale } from "@/lib/i18n/request-locale";
import { parseReportQuery } from "@/lib/reports/report-query";
import { conversationsCsv } from "@/lib/reports/conversations-csv";
import { csvResponse } from "@/lib/reports/csv";

/** GET /api/reports/conversations.csv?<the report's query> (admins): streamed, one line per episode. */
export const GET = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const query = parseReportQuery(request.url);
  return csvResponse(`bao-cao-hoi-thoai_${query.from}_${query.to}.csv`, await conversationsCsv(admin, query, await requestLocale()));
});
