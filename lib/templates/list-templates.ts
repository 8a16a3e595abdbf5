// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. One
// indexed query (the unique index starts with workspaceId, scope); the picker filters in the
// browser, so the whole list is sent once and kept for the inbox session.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleTemplatesFor } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";

export async function listTemplates(user: SessionUser): Promise<TemplateDto[]> {
  const rows = await db().messageTemplate.findMany({
    where: visibleTemplatesFor(user),
    select: templateDtoSelect,
    orderBy: [{ shortcutKey: "asc" }, { id: "asc" }],
  });
  return rows.map(toTemplateDto);
}
