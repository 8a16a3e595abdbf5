// Public on purpose (load balancers have no session): 200 {"status":"ok"} or 503, and no data.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
