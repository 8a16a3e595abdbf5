import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { changePassword, changePasswordSchema } from "@/lib/account/change-password";

export const POST = jsonRoute(async (request) => {
  const user = await requireUser();
  await changePassword(user.id, await readJson(request, changePasswordSchema));
  return NextResponse.json({ ok: true });
});
