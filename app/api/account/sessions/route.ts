import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { endSessions } from "@/lib/auth/end-sessions";

/** "Đăng xuất khỏi mọi thiết bị": every session of the user ends, this one included. */
export const DELETE = jsonRoute(async () => {
  const user = await requireUser();
  await endSessions({ userId: user.id });
  return NextResponse.json({ ok: true });
});
