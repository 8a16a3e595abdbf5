import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { conversationCounts } from "@/lib/inbox/conversation-counts";

/** GET /api/conversations/counts: per tab, conversations and unread conversations. */
export const GET = jsonRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ counts: await conversationCounts(user) });
});
