import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listChangedConversations } from "@/lib/inbox/list-changed-conversations";

/** GET /api/conversations/changes?since=<ISO time>: the visible conversations changed since then. */
export const GET = jsonRoute(async (request) => {
  const user = await requireUser();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listChangedConversations(user, query));
});
