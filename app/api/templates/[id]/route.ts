// One message template: save the whole form, or delete it (its manager only: template-access.ts).
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { updateTemplateSchema } from "@/lib/templates/template-input";
import { updateTemplate } from "@/lib/templates/save-template";
import { deleteTemplate } from "@/lib/templates/delete-template";

type Context = { params: Promise<{ id: string }> };

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireUser();
  const input = await readJson(request, updateTemplateSchema);
  return NextResponse.json({ template: await updateTemplate(user, (await params).id, input) });
});

export const DELETE = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireUser();
  await deleteTemplate(user, (await params).id);
  return new Response(null, { status: 204 });
});
