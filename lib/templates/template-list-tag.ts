// The version of a user's template list, as an HTTP entity tag: the composer's picker asks for the
// list each time it opens, and the browser revalidates with If-None-Match, so an unchanged list is a
// 304 with no body instead of hundreds of kilobytes built, encoded and sent again. Derived from the
// database on every request, so it holds across processes and needs no invalidation: creating or
// editing a template moves the newest updatedAt, deleting one lowers the count, and the agent's name
// (which fills {ten_nhan_vien}) is part of it.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { SHARED_SCOPE } from "@/lib/templates/template-access";

/** The tag of a list of `count` templates whose newest change is `latest`. */
export function templateListTagOf(user: SessionUser, count: number, latest: Date | null): string {
  const version = createHash("sha256").update(`${count}\n${latest?.toISOString() ?? ""}\n${user.id}\n${user.name}`).digest("base64url").slice(0, 22);
  return `W/"${version}"`;
}

/** The list's tag as it is now, without reading the list: one aggregate over its index. */
export async function templateListTag(user: SessionUser): Promise<string> {
  const [row] = await db().$queryRaw<{ count: number; latest: Date | null }[]>(Prisma.sql`
    SELECT count(*)::int AS count, max("updatedAt") AS latest
    FROM "MessageTemplate" WHERE "workspaceId" = ${user.workspaceId} AND scope IN (${SHARED_SCOPE}, ${user.id})`);
  return templateListTagOf(user, row?.count ?? 0, row?.latest ?? null);
}
