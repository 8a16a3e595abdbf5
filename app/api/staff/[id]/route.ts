import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { updateStaffSchema } from "@/lib/staff/staff-schemas";
import { setStaffActive } from "@/lib/staff/set-staff-active";

export const PATCH = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const { active } = await readJson(request, updateStaffSchema);
  await setStaffActive(admin, (await params).id, active);
  return NextResponse.json({ ok: true });
});
