// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. The
// picker filters in the browser, so the whole list is sent once and kept for the inbox session.
// The shared templates are most of it and the same for everyone in the shop, so each process keeps
// them encoded as JSON per workspace, under their version read from the database (count and newest
// change): a request reads that version and the user's own templates, and re-reads the shared ones
// only when another process or an admin changed them. Nothing needs invalidating, and every process
// answers the same. The list's entity tag is taken from the rows sent, so it describes the body.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { SHARED_SCOPE } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";
import { templateListTagOf } from "@/lib/templates/template-list-tag";

interface EncodedList {
  /** Ordered by shortcut key, then id. */
  templates: { key: string; id: string; json: string }[];
  count: number;
  latest: Date | null;
}

/** Workspaces whose shared list a process keeps; the least recently used one goes first. */
const CACHED_WORKSPACES = 50;
const sharedLists = new Map<string, EncodedList & { version: string }>();

const versionOf = (count: number, latest: Date | null) => `${count}\n${latest?.toISOString() ?? ""}`;

export async function listTemplatesJson(user: SessionUser): Promise<{ json: string; tag: string }> {
  const [[current], own] = await Promise.all([
    db().$queryRaw<{ count: number; latest: Date | null }[]>(Prisma.sql`
      SELECT count(*)::int AS count, max("updatedAt") AS latest FROM "MessageTemplate"
      WHERE "workspaceId" = ${user.workspaceId} AND scope = ${SHARED_SCOPE}`),
    readEncoded(user.workspaceId, user.id),
  ]);
  const shared = await sharedList(user.workspaceId, versionOf(current?.count ?? 0, current?.latest ?? null));
  const templates = mergeByKey(shared.templates, own.templates);
  const latest = [shared.latest, own.latest].reduce<Date | null>((newest, date) => (date && (!newest || date > newest) ? date : newest), null);
  return { json: `[${templates.map((template) => template.json).join(",")}]`, tag: templateListTagOf(user, templates.length, latest) };
}

/** The list as objects, for the settings screen. */
export async function listTemplates(user: SessionUser): Promise<{ templates: TemplateDto[]; tag: string }> {
  const { json, tag } = await listTemplatesJson(user);
  return { templates: JSON.parse(json) as TemplateDto[], tag };
}

async function sharedList(workspaceId: string, version: string): Promise<EncodedList> {
  const cached = sharedLists.get(workspaceId);
  sharedLists.delete(workspaceId);
  // Stored under the version of the rows actually read, which a change made meanwhile may have moved
  // past `version`: then the next request reads them again rather than trusting a mismatched copy.
  const list = cached?.version === version ? cached : await readEncoded(workspaceId, SHARED_SCOPE);
  sharedLists.set(workspaceId, { ...list, version: versionOf(list.count, list.latest) });
  if (sharedLists.size > CACHED_WORKSPACES) sharedLists.delete(sharedLists.keys().next().value as string);
  return list;
}

async function readEncoded(workspaceId: string, scope: string): Promise<EncodedList> {
  const rows = await db().messageTemplate.findMany({
    where: { workspaceId, scope },
    select: { ...templateDtoSelect, shortcutKey: true, updatedAt: true },
  });
  let latest: Date | null = null;
  for (const row of rows) if (!latest || row.updatedAt > latest) latest = row.updatedAt;
  const templates = rows.map((row) => ({ key: row.shortcutKey, id: row.id, json: JSON.stringify(toTemplateDto(row)) })).sort(byKey);
  return { templates, count: rows.length, latest };
}

type Keyed = { key: string; id: string };
const byKey = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function mergeByKey<T extends Keyed>(left: T[], right: T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) merged.push(byKey(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  return merged.concat(left.slice(i), right.slice(j));
}
