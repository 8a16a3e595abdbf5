// Admins hand a conversation to someone ({ userId }) or take it back ({ userId: null }).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { assignInputSchema } from "@/lib/assignment/rule-schemas";
import { reassignConversation } from "@/lib/assignment/reassign-conversation";
import { unassignConversation } from "@/lib/assignment/unassign-conversation";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const { id } = await params;
  const { userId } = await readJson(request, assignInputSchema);
  if (userId) await reassignConversation(admin, id, userId);
  else await unassignConversation(admin, id);
  return NextResponse.json({ assignment: await listAssignmentHistory(admin, id) });
});
