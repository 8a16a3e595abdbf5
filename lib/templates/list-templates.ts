// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. One
// indexed query (the unique index starts with workspaceId, scope); the picker filters in the
// browser, so the whole list is sent once and kept for the inbox session. The list's entity tag is
// taken from the rows read, so it always describes exactly what is sent.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleTemplatesFor } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";
import { templateListTagOf } from "@/lib/templates/template-list-tag";

export async function listTemplates(user: SessionUser): Promise<{ templates: TemplateDto[]; tag: string }> {
  const rows = await db().messageTemplate.findMany({
    where: visibleTemplatesFor(user),
    select: { ...templateDtoSelect, updatedAt: true },
    orderBy: [{ shortcutKey: "asc" }, { id: "asc" }],
  });
  let latest: Date | null = null;
  for (const row of rows) if (!latest || row.updatedAt > latest) latest = row.updatedAt;
  return { templates: rows.map(toTemplateDto), tag: templateListTagOf(user, rows.length, latest) };
}
