// "Xác nhận chia": applies the page's "Xử lý hội thoại cũ" policy to its synced conversations once
// an admin has seen how many will be shared. Idempotent; a changed count answers 409.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { confirmHistoryPolicy, confirmPolicySchema } from "@/lib/history-sync/confirm-history-policy";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const input = await readJson(request, confirmPolicySchema);
  return NextResponse.json({ sync: await confirmHistoryPolicy(admin, (await params).id, input) });
});
