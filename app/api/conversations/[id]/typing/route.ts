import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { reportTyping, typingInputSchema } from "@/lib/inbox/report-typing";

/** POST /api/conversations/[id]/typing {on}: tells the other viewers, and the customer when the assignee types. */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const { on } = await readJson(request, typingInputSchema);
  await reportTyping(user, (await params).id, on);
  return NextResponse.json({ ok: true });
});
