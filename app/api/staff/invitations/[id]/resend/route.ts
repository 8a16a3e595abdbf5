import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { resendInvitation } from "@/lib/staff/resend-invitation";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  return NextResponse.json(await resendInvitation(admin, (await params).id));
});
