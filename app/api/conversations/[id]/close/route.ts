// "Đánh dấu đã xử lý": the agent in charge or an admin closes the conversation.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { closeConversation } from "@/lib/assignment/close-conversation";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  const { id } = await params;
  await closeConversation(user, id);
  return NextResponse.json({ assignment: await listAssignmentHistory(user, id) });
});
