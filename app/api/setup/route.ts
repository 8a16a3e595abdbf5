import { NextResponse } from "next/server";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { completeSetup, setupSchema } from "@/lib/setup/complete-setup";

// No session: nobody has an account yet. The printed link's token is the credential.
export const POST = jsonRoute(async (request) => {
  return NextResponse.json(await completeSetup(await readJson(request, setupSchema)), { status: 201 });
});
