import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { sendReplyInputSchema } from "@/lib/inbox/reply-input";
import { sendReply } from "@/lib/inbox/send-reply";

// GET (a page of the thread) is answered before Next.js: lib/inbox/inbox-read-routes.ts.

/** POST /api/conversations/[id]/messages {clientMessageId, text?, attachments?}: a reply, stored pending. */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const input = await readJson(request, sendReplyInputSchema);
  const message = await sendReply(user, (await params).id, input);
  return NextResponse.json({ message }, { status: 201 });
});
