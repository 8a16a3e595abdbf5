// Facebook's deauthorize callback: a person removed the app. The signed_request is verified with
// the app secret before anything is read; a bad one is a 400 and changes nothing.
import { NextResponse } from "next/server";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { jsonRoute } from "@/lib/http/json-route";
import { deauthorizeFacebookUser } from "@/lib/channels/facebook/deauthorize-facebook-user";
import { verifySignedRequest } from "@/lib/channels/facebook/signed-request";
import { AppError } from "@/lib/errors";

export const POST = jsonRoute(async (request) => {
  const form = await request.formData().catch(() => null);
  const signedRequest = form?.get("signed_request");
  const payload = typeof signedRequest === "string" ? verifySignedRequest(signedRequest, facebookApp().appSecret) : null;
  if (!payload) throw new AppError("invalid_input", "The signed_request is missing or its signature is invalid.");
  await deauthorizeFacebookUser(payload.user_id);
  return NextResponse.json({ ok: true });
});
