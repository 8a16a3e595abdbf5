// The version of a user's template list, as an HTTP entity tag: the composer's picker asks for the
// list each time it opens, and the browser revalidates with If-None-Match, so an unchanged list is a
// 304 with no body instead of hundreds of kilobytes built, encoded and sent again. Derived from the
// database on every request, so it holds across processes and needs no invalidation: creating or
// editing a template moves the newest updatedAt, deleting one lowers the count, and the agent's name
// (which fills {ten_nhan_vien}) is part of it.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleTemplatesFor } from "@/lib/templates/template-access";

/** The tag of a list of `count` templates whose newest change is `latest`. */
export function templateListTagOf(user: SessionUser, count: number, latest: Date | null): string {
  const version = createHash("sha256").update(`${count}\n${latest?.toISOString() ?? ""}\n${user.id}\n${user.name}`).digest("base64url").slice(0, 22);
  return `W/"${version}"`;
}

/** The tag of the list as it is now, without reading it: one aggregate over the list's index. */
export async function templateListTag(user: SessionUser): Promise<string> {
  const { _count, _max } = await db().messageTemplate.aggregate({ where: visibleTemplatesFor(user), _count: true, _max: { updatedAt: true } });
  return templateListTagOf(user, _count, _max.updatedAt);
}
