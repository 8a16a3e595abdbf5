import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { markConversationSeen } from "@/lib/inbox/mark-conversation-seen";

/** POST /api/conversations/[id]/seen: the assignee opened it (unread → 0, "Seen" on Messenger). */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  await markConversationSeen(user, (await params).id);
  return NextResponse.json({ ok: true });
});
