import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { retryReply } from "@/lib/inbox/retry-reply";

/** POST /api/messages/[id]/retry: a failed reply goes back to pending and is sent again. */
export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  const message = await retryReply(user, (await params).id);
  return NextResponse.json({ message });
});
