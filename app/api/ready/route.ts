// Public on purpose (load balancers have no session): 200 when this process takes new work, 503
// when it does not (starting, stopping, database or realtime link down), with which check failed.
import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
