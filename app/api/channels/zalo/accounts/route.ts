// The OAs the signed-in admin authorised on Zalo, each with its state here (the Zalo wizard's list).
import { NextResponse } from "next/server";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute } from "@/lib/http/json-route";
import { listZaloAccounts } from "@/lib/channels/zalo/list-zalo-accounts";

export const GET = jsonRoute(async () => {
  const user = await requireChannelManager();
  return NextResponse.json(await listZaloAccounts(user));
});
