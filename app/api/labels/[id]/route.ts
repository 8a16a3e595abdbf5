// One label (admins): rename or recolour, delete (it comes off every conversation).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { updateLabelInputSchema } from "@/lib/labels/label-input";
import { deleteLabel } from "@/lib/labels/delete-label";
import { updateLabel } from "@/lib/labels/save-label";

type Context = { params: Promise<{ id: string }> };

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const admin = await requireAdmin();
  const input = await readJson(request, updateLabelInputSchema);
  return NextResponse.json({ label: await updateLabel(admin, (await params).id, input) });
});

export const DELETE = jsonRoute<Context>(async (_request, { params }) => {
  const admin = await requireAdmin();
  await deleteLabel(admin, (await params).id);
  return new Response(null, { status: 204 });
});
