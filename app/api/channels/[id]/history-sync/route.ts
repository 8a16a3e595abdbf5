// A channel's history sync, for its card on the platform's settings screen: GET where it stands;
// POST starts it, resumes it where it stopped, or starts a finished one over ("Đồng bộ lại"). Admins only.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { readHistorySync } from "@/lib/history-sync/read-history-sync";
import { requestHistorySync } from "@/lib/history-sync/request-history-sync";

type Context = { params: Promise<{ id: string }> };

export const GET = jsonRoute<Context>(async (_request, { params }) => {
  const admin = await requireAdmin();
  return NextResponse.json({ sync: await readHistorySync(admin, (await params).id) });
});

export const POST = jsonRoute<Context>(async (_request, { params }) => {
  const admin = await requireAdmin();
  return NextResponse.json({ sync: await requestHistorySync(admin, (await params).id) }, { status: 202 });
});
