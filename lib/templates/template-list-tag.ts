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

/** How many templates a part of the list holds and when the newest of them changed. */
export interface TemplatePartVersion {
  count: number;
  latest: Date | null;
}

export interface TemplateListVersion {
  tag: string;
  /** The shop's shared templates alone: what list-templates.ts keeps encoded per process. */
  shared: TemplatePartVersion;
}

/** The tag of a list of `count` templates whose newest change is `latest`. */
export function templateListTagOf(user: SessionUser, count: number, latest: Date | null): string {
  const version = createHash("sha256").update(`${count}\n${latest?.toISOString() ?? ""}\n${user.id}\n${user.name}`).digest("base64url").slice(0, 22);
  return `W/"${version}"`;
}

/** The list's tag as it is now, and its shared part's version, without reading it: one aggregate over the list's index. */
export async function templateListVersion(user: SessionUser): Promise<TemplateListVersion> {
  const [row] = await db().$queryRaw<{ shared: number; sharedLatest: Date | null; own: number; ownLatest: Date | null }[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE scope = ${SHARED_SCOPE})::int AS shared,
           max("updatedAt") FILTER (WHERE scope = ${SHARED_SCOPE}) AS "sharedLatest",
           count(*) FILTER (WHERE scope = ${user.id})::int AS own,
           max("updatedAt") FILTER (WHERE scope = ${user.id}) AS "ownLatest"
    FROM "MessageTemplate" WHERE "workspaceId" = ${user.workspaceId} AND scope IN (${SHARED_SCOPE}, ${user.id})`);
  const shared = { count: row?.shared ?? 0, latest: row?.sharedLatest ?? null };
  const own = { count: row?.own ?? 0, latest: row?.ownLatest ?? null };
  return { tag: templateListTagOf(user, shared.count + own.count, newest(shared.latest, own.latest)), shared };
}

export async function templateListTag(user: SessionUser): Promise<string> {
  return (await templateListVersion(user)).tag;
}

export function newest(a: Date | null, b: Date | null): Date | null {
  return a && (!b || a > b) ? a : b;
}
