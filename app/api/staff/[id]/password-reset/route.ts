import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { createPasswordResetLink } from "@/lib/staff/create-password-reset-link";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  return NextResponse.json(await createPasswordResetLink(admin, (await params).id), { status: 201 });
});
