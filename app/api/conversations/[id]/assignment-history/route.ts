// The side panel's assignment view: caretaker, rule, history and (admins) reassignment candidates.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";

export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return NextResponse.json({ assignment: await listAssignmentHistory(user, (await params).id) });
});
