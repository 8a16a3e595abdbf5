import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { inviteStaffSchema } from "@/lib/staff/staff-schemas";
import { inviteStaffMember } from "@/lib/staff/invite-staff-member";

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  return NextResponse.json(await inviteStaffMember(admin, await readJson(request, inviteStaffSchema)), { status: 201 });
});
