// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. The
// picker filters in the browser, so the whole list is sent once and kept for the inbox session.
// The shared templates are most of it and the same for everyone in the shop, so each process keeps
// them encoded as JSON per workspace, under their version read from the database (count and newest
// change): a request reads that version and the user's own templates, and re-reads the shared ones
// only when another process or an admin changed them. The answer itself is kept per user under its
// entity tag, which the route computes anyway (one aggregate, template-list-tag.ts): the same user
// asking again for an unchanged list (a new tab, a browser without the copy) gets the bytes already
// encoded. Nothing needs invalidating, and every process answers the same. The list's entity tag
// is taken from the rows sent, so it always describes the body.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { SHARED_SCOPE } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";
import { newest, templateListTagOf, templateListVersion, type TemplateListVersion, type TemplatePartVersion } from "@/lib/templates/template-list-tag";

/** What GET /api/templates sends: {templates, agentName} encoded, and its entity tag. */
export interface TemplateListAnswer {
  body: Uint8Array;
  tag: string;
}

/** Bytes of answers a process keeps for users asking again; the least recently used go first. */
const CACHED_ANSWER_BYTES = 32 * 1024 * 1024;
const answers = new Map<string, TemplateListAnswer>();
let answerBytes = 0;

/** `current`: the list's version as the database says now (templateListVersion). */
export async function templateListAnswer(user: SessionUser, current: TemplateListVersion): Promise<TemplateListAnswer> {
  const cached = answers.get(user.id);
  if (cached) forget(user.id);
  if (cached?.tag === current.tag) return remember(user.id, cached);
  const { json, tag } = await listTemplatesJson(user, current);
  return remember(user.id, { body: Buffer.from(`{"templates":${json},"agentName":${JSON.stringify(user.name)}}`), tag });
}

function remember(userId: string, answer: TemplateListAnswer): TemplateListAnswer {
  answers.set(userId, answer);
  answerBytes += answer.body.byteLength;
  for (const [oldest] of answers) {
    if (answerBytes <= CACHED_ANSWER_BYTES) break;
    forget(oldest);
  }
  return answer;
}

function forget(userId: string): void {
  answerBytes -= answers.get(userId)?.body.byteLength ?? 0;
  answers.delete(userId);
}

interface EncodedList {
  /** Ordered by shortcut key, then id. */
  templates: { key: string; id: string; json: string }[];
  count: number;
  latest: Date | null;
}

/** Workspaces whose shared list a process keeps; the least recently used one goes first. */
const CACHED_WORKSPACES = 50;
const sharedLists = new Map<string, EncodedList & { version: string }>();

const versionOf = ({ count, latest }: TemplatePartVersion) => `${count}\n${latest?.toISOString() ?? ""}`;

/** `version`: the list's version when the caller already read it. */
export async function listTemplatesJson(user: SessionUser, version?: TemplateListVersion): Promise<{ json: string; tag: string }> {
  const { shared: sharedVersion } = version ?? (await templateListVersion(user));
  const [shared, own] = await Promise.all([sharedList(user.workspaceId, sharedVersion), readEncoded(user.workspaceId, user.id)]);
  const templates = mergeByKey(shared.templates, own.templates);
  return { json: `[${templates.map((template) => template.json).join(",")}]`, tag: templateListTagOf(user, templates.length, newest(shared.latest, own.latest)) };
}

/** The list as objects, for the settings screen. */
export async function listTemplates(user: SessionUser): Promise<{ templates: TemplateDto[]; tag: string }> {
  const { json, tag } = await listTemplatesJson(user);
  return { templates: JSON.parse(json) as TemplateDto[], tag };
}

async function sharedList(workspaceId: string, current: TemplatePartVersion): Promise<EncodedList> {
  const cached = sharedLists.get(workspaceId);
  sharedLists.delete(workspaceId);
  // Stored under the version of the rows actually read, which a change made meanwhile may have moved
  // past `current`: then the next request reads them again rather than trusting a mismatched copy.
  const list = cached?.version === versionOf(current) ? cached : await readEncoded(workspaceId, SHARED_SCOPE);
  sharedLists.set(workspaceId, { ...list, version: versionOf(list) });
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
