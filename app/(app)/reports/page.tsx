// "Báo cáo": the shop's reports, for admins only (agents get the 403 page). Everything on it is
// drawn in the browser from GET /api/reports, so changing the range or a filter asks only for data.
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { ReportsScreen } from "@/components/reports/reports-screen";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage() {
  await requirePageAdmin("/reports");
  return <ReportsScreen />;
}
