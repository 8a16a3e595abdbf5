import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { addNote } from "@/lib/notes/add-note";
import { addNoteInputSchema } from "@/lib/notes/note-input";

/** POST /api/conversations/[id]/notes {clientMessageId, text, mentionedUserIds?}: a private note, never sent to the customer. */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser();
  const input = await readJson(request, addNoteInputSchema);
  const message = await addNote(user, (await params).id, input);
  return NextResponse.json({ message }, { status: 201 });
});
