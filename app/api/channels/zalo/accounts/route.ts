// The OAs the signed-in admin authorised on Zalo, each with its state here (the Zalo wizard's list).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listZaloAccounts } from "@/lib/channels/zalo/list-zalo-accounts";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json(await listZaloAccounts(admin));
});
