import { NextResponse } from "next/server";
import { requireSession } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { changePassword, changePasswordSchema } from "@/lib/account/change-password";

export const POST = jsonRoute(async (request) => {
  const session = await requireSession();
  await changePassword(session, await readJson(request, changePasswordSchema), clientAddressFromHeaders(request.headers));
  return NextResponse.json({ ok: true });
});
