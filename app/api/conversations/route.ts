import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listConversations } from "@/lib/inbox/list-conversations";

/** GET /api/conversations?tab=mine|queue|all|old&channelId=&q=&cursor= */
export const GET = jsonRoute(async (request) => {
  const user = await requireUser();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listConversations(user, query));
});
