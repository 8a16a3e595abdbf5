// The version of a user's template list, as an HTTP entity tag: the composer's picker asks for the
// list each time it opens, and the browser revalidates with If-None-Match, so an unchanged list is a
// 304 with no body instead of hundreds of kilobytes built, encoded and sent again. Read from the
// database on every request (one aggregate over the same index as the list), so it holds across
// processes and needs no invalidation: creating or editing a template moves the newest updatedAt,
// deleting one lowers the count, and the agent's name (which fills {ten_nhan_vien}) is part of it.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleTemplatesFor } from "@/lib/templates/template-access";

export async function templateListTag(user: SessionUser): Promise<string> {
  const { _count, _max } = await db().messageTemplate.aggregate({ where: visibleTemplatesFor(user), _count: true, _max: { updatedAt: true } });
  const version = createHash("sha256").update(`${_count}\n${_max.updatedAt?.toISOString() ?? ""}\n${user.id}\n${user.name}`).digest("base64url").slice(0, 22);
  return `W/"${version}"`;
}
