import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { addStaffSchema } from "@/lib/staff/staff-schemas";
import { addStaffMember } from "@/lib/staff/add-staff-member";
import { listStaff } from "@/lib/staff/list-staff";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json({ staff: await listStaff(admin.workspaceId) });
});

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const input = await readJson(request, addStaffSchema);
  return NextResponse.json({ member: await addStaffMember(admin.workspaceId, input, admin.id) }, { status: 201 });
});
