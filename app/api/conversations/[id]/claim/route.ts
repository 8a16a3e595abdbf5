// "Nhận chat": a member of the conversation's self-claim rule takes it. Losers of a race get 409
// with the winner's name in params.name.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { claimConversation } from "@/lib/assignment/claim-conversation";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return NextResponse.json({ conversation: await claimConversation(user, (await params).id) });
});
