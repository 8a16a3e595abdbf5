import { NextResponse } from "next/server";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { redeemStaffLink, redeemStaffLinkSchema } from "@/lib/staff/redeem-staff-link";

// No session: the invitation or reset link's token is the credential.
export const POST = jsonRoute(async (request) => {
  return NextResponse.json(await redeemStaffLink(await readJson(request, redeemStaffLinkSchema)));
});
