// "Chuyển cho…": the agent in charge (or an admin) hands the conversation to another member of its
// rule, { userId, note }. The sender may no longer see it afterwards, so only the status answers.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { transferInputSchema } from "@/lib/assignment/rule-schemas";
import { transferConversation } from "@/lib/assignment/reassign-conversation";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const { id } = await params;
  const { userId, note } = await readJson(request, transferInputSchema);
  await transferConversation(user, id, userId, note);
  return new NextResponse(null, { status: 204 });
});
