import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { updateStaffSchema } from "@/lib/staff/staff-schemas";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { renameStaffMember } from "@/lib/staff/rename-staff-member";

export const PATCH = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const change = await readJson(request, updateStaffSchema);
  const userId = (await params).id;
  if ("active" in change) await setStaffActive(admin, userId, change.active, change.channelHandover);
  else if ("role" in change) await setStaffRole(admin, userId, change.role);
  else await renameStaffMember(admin, userId, change.name);
  return NextResponse.json({ ok: true });
});
