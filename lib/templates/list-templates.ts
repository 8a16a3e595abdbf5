// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. One
// indexed query (the unique index starts with workspaceId, scope); the picker filters in the
// browser, so the whole list is sent once and kept for the inbox session. PostgreSQL writes the
// list's JSON itself (json_agg), with the count and newest change its entity tag is made of: the
// route sends that text as it is, instead of building 500 objects and encoding them again (the
// 334 KB list took 24 ms at p95 that way, 20 ms being the goal — docs/benchmarks.md). The shape is
// TemplateDto's, which toTemplateDto builds for a single template; a test holds the two together.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { SHARED_SCOPE } from "@/lib/templates/template-access";
import type { TemplateDto } from "@/lib/templates/template-dto";
import { uploadUrl } from "@/lib/uploads/upload-meta";
import { templateListTagOf } from "@/lib/templates/template-list-tag";

export interface TemplateListJson {
  /** A JSON array of TemplateDto, ordered by shortcut. */
  json: string;
  tag: string;
}

export async function listTemplatesJson(user: SessionUser): Promise<TemplateListJson> {
  // Each file's URL is the upload's own address (uploadUrl), so the prefix comes from there.
  const urlPrefix = uploadUrl("");
  const [row] = await db().$queryRaw<{ json: string; count: number; latest: Date | null }[]>(Prisma.sql`
    SELECT coalesce(json_agg(json_build_object(
             'id', t.id,
             'shortcut', t.shortcut,
             'text', t.text,
             'shared', t."ownerId" IS NULL,
             'attachments', (
               SELECT coalesce(json_agg(json_build_object(
                        'id', a->>'uploadId', 'url', ${urlPrefix} || (a->>'uploadId'), 'type', a->>'type',
                        'contentType', a->>'contentType', 'name', a->>'name', 'size', (a->>'size')::bigint)), '[]'::json)
               -- A value of another shape loses its files here rather than break the whole list.
               FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.attachments) = 'array' THEN t.attachments ELSE '[]'::jsonb END) a
               WHERE jsonb_typeof(a) = 'object' AND a ? 'uploadId')
           ) ORDER BY t."shortcutKey", t.id), '[]'::json)::text AS json,
           count(*)::int AS count,
           max(t."updatedAt") AS latest
    FROM "MessageTemplate" t
    WHERE t."workspaceId" = ${user.workspaceId} AND t.scope IN (${SHARED_SCOPE}, ${user.id})`);
  return { json: row?.json ?? "[]", tag: templateListTagOf(user, row?.count ?? 0, row?.latest ?? null) };
}

/** The list as objects, for the settings screen and tests. */
export async function listTemplates(user: SessionUser): Promise<{ templates: TemplateDto[]; tag: string }> {
  const { json, tag } = await listTemplatesJson(user);
  return { templates: JSON.parse(json) as TemplateDto[], tag };
}
