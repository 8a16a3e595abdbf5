import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { listMessages } from "@/lib/inbox/list-messages";
import { sendReplyInputSchema } from "@/lib/inbox/reply-input";
import { sendReply } from "@/lib/inbox/send-reply";

/** GET /api/conversations/[id]/messages?before=cursor: the newest page, or the page older than the cursor. */
export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  return NextResponse.json(await listMessages(user, (await params).id, { before }));
});

/** POST /api/conversations/[id]/messages {clientMessageId, text?, attachments?}: a reply, stored pending. */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const input = await readJson(request, sendReplyInputSchema);
  const message = await sendReply(user, (await params).id, input);
  return NextResponse.json({ message }, { status: 201 });
});
