import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listMentionable } from "@/lib/notes/list-mentionable";

/** GET /api/conversations/[id]/mentionable: the colleagues a note in this conversation may mention (@Tên). */
export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return NextResponse.json({ colleagues: await listMentionable(user, (await params).id) });
});
