// One label on one conversation, for whoever may see the conversation: PUT puts it on, DELETE takes
// it off. Both are idempotent and answer the conversation's labels as they now are.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { setConversationLabel } from "@/lib/labels/set-conversation-label";

type Context = { params: Promise<{ id: string; labelId: string }> };

export const PUT = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireUser();
  const { id, labelId } = await params;
  return NextResponse.json({ labels: await setConversationLabel(user, id, labelId, true) });
});

export const DELETE = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireUser();
  const { id, labelId } = await params;
  return NextResponse.json({ labels: await setConversationLabel(user, id, labelId, false) });
});
