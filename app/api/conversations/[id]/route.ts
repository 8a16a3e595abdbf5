import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { getConversation } from "@/lib/inbox/get-conversation";

export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return NextResponse.json(await getConversation(user, (await params).id));
});
