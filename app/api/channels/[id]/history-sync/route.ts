// A channel's history sync, for its card on the platform's settings screen: GET where it stands;
// POST starts it, resumes it where it stopped, or starts a finished one over ("Đồng bộ lại"). Admins, and
// staff for the channels they connected.
import { NextResponse } from "next/server";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute } from "@/lib/http/json-route";
import { readHistorySync } from "@/lib/history-sync/read-history-sync";
import { requestHistorySync } from "@/lib/history-sync/request-history-sync";

type Context = { params: Promise<{ id: string }> };

export const GET = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireChannelManager();
  return NextResponse.json({ sync: await readHistorySync(user, (await params).id) });
});

export const POST = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireChannelManager();
  return NextResponse.json({ sync: await requestHistorySync(user, (await params).id) }, { status: 202 });
});
