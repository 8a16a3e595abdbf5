import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { revokeInvitation } from "@/lib/staff/revoke-invitation";

export const DELETE = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  await revokeInvitation(admin, (await params).id);
  return NextResponse.json({ ok: true });
});
