// "Tin nhắn mẫu": the templates the signed-in user may insert (shared and their own), and a new one.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { createTemplateSchema } from "@/lib/templates/template-input";
import { listTemplates } from "@/lib/templates/list-templates";
import { createTemplate } from "@/lib/templates/save-template";

/** GET /api/templates: {templates, agentName} — the agent's name fills {ten_nhan_vien} in the composer. */
export const GET = jsonRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ templates: await listTemplates(user), agentName: user.name });
});

/** POST /api/templates {shortcut, text, attachments: [{uploadId}], shared}: 201 {template}. */
export const POST = jsonRoute(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, createTemplateSchema);
  return NextResponse.json({ template: await createTemplate(user, input) }, { status: 201 });
});
