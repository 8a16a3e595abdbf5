// The workspace's labels ("Nhãn"): everyone lists them, with counts over what they may see; admins create.
import { NextResponse } from "next/server";
import { requireAdmin, requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { createLabelInputSchema } from "@/lib/labels/label-input";
import { listLabels } from "@/lib/labels/list-labels";
import { createLabel } from "@/lib/labels/save-label";

export const GET = jsonRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ labels: await listLabels(user) });
});

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const input = await readJson(request, createLabelInputSchema);
  return NextResponse.json({ label: await createLabel(admin, input) }, { status: 201 });
});
