import { NextResponse } from "next/server";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { passwordResetRequestSchema, requestPasswordReset } from "@/lib/auth/request-password-reset";

// No session: anyone may ask; the answer never says whether the address has an account, and the
// mail goes out after it (requestPasswordReset logs a failed send).
export const POST = jsonRoute(async (request) => {
  await requestPasswordReset(await readJson(request, passwordResetRequestSchema), clientAddressFromHeaders(request.headers));
  return NextResponse.json({ ok: true }, { status: 202 });
});
