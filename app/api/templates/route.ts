// "Tin nhắn mẫu": the templates the signed-in user may insert (shared and their own), and a new one.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { createTemplateSchema } from "@/lib/templates/template-input";
import { templateListAnswer } from "@/lib/templates/list-templates";
import { templateListTag } from "@/lib/templates/template-list-tag";
import { createTemplate } from "@/lib/templates/save-template";

/**
 * GET /api/templates: {templates, agentName} — the agent's name fills {ten_nhan_vien} in the composer.
 * Tagged: the browser revalidates (no-cache) and an unchanged list answers 304 without a body.
 */
export const GET = jsonRoute(async (request) => {
  const user = await requireUser();
  const tag = await templateListTag(user);
  if (request.headers.get("if-none-match") === tag) return new NextResponse(null, { status: 304, headers: cacheHeaders(tag) });
  // Kept encoded per user and per template (list-templates.ts); its own tag, from the rows it holds.
  const answer = await templateListAnswer(user, tag);
  return new Response(answer.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": "application/json", ...cacheHeaders(answer.tag) } });
});

const cacheHeaders = (tag: string) => ({ etag: tag, "cache-control": "private, no-cache" });

/** POST /api/templates {shortcut, text, attachments: [{uploadId}], shared}: 201 {template}. */
export const POST = jsonRoute(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, createTemplateSchema);
  return NextResponse.json({ template: await createTemplate(user, input) }, { status: 201 });
});
