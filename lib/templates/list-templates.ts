// GET /api/templates: the templates a user may insert, shared ones and their own, by shortcut. The
// picker filters in the browser, so the whole list is sent once and kept for the inbox session.
// Encoding 500 templates is most of an answer's cost, and a template rarely changes, so each
// process keeps every template it encoded as JSON under the row's version (PostgreSQL's `xmin`,
// which every update of the row moves): a request lists which templates the user sees, with their
// versions, and reads and encodes only those it has no current copy of — after an admin edits one
// shared template, one row. The whole answer is also kept per user under its entity tag, which
// the route computes anyway (one aggregate, template-list-tag.ts): the same user asking again for
// an unchanged list (a new tab, a browser without the copy) gets the bytes already encoded.
// Nothing needs invalidating, and every process answers the same.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { SHARED_SCOPE } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";
import { templateListTagOf } from "@/lib/templates/template-list-tag";

/** What GET /api/templates sends: {templates, agentName} encoded, and its entity tag. */
export interface TemplateListAnswer {
  body: Uint8Array;
  tag: string;
}

/**
 * A small least-recently-used store bounded by the bytes it holds. Map keeps insertion order, so
 * re-inserting on use makes its first key the least recently used.
 */
class ByteBoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): V {
    this.delete(key);
    this.entries.set(key, value);
    this.bytes += this.sizeOf(value);
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return value;
  }

  private delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.bytes -= this.sizeOf(value);
    this.entries.delete(key);
  }
}

/** Full answers for users asking again, by user id. */
const answers = new ByteBoundedCache<TemplateListAnswer>(32 * 1024 * 1024, (answer) => answer.body.byteLength);
/**
 * Encoded templates by id, under the row version they were read at; kept as UTF-8 bytes, so an
 * answer is copied together rather than joined as text and encoded again.
 */
const encodedTemplates = new ByteBoundedCache<{ version: string; json: Buffer }>(64 * 1024 * 1024, (entry) => entry.json.byteLength);

/** `currentTag`: the list's tag as the database says now (templateListTag). */
export async function templateListAnswer(user: SessionUser, currentTag: string): Promise<TemplateListAnswer> {
  const cached = answers.get(user.id);
  if (cached?.tag === currentTag) return cached;
  const { templates, tag } = await encodedList(user);
  const body = joinEncoded(templates, '{"templates":[', `],"agentName":${JSON.stringify(user.name)}}`);
  return answers.set(user.id, { body, tag });
}

interface ListedTemplate {
  id: string;
  key: string;
  version: string;
  updatedAt: Date;
}

/** The user's list as a JSON array, ordered by shortcut, and the entity tag of exactly those rows. */
export async function listTemplatesJson(user: SessionUser): Promise<{ json: string; tag: string }> {
  const { templates, tag } = await encodedList(user);
  return { json: joinEncoded(templates, "[", "]").toString("utf8"), tag };
}

const COMMA = Buffer.from(",");
/** `open`, the items separated by commas, `close`: one copy of bytes already encoded. */
function joinEncoded(items: Buffer[], open: string, close: string): Buffer {
  const parts: Buffer[] = [Buffer.from(open)];
  items.forEach((item, index) => (index === 0 ? parts.push(item) : parts.push(COMMA, item)));
  parts.push(Buffer.from(close));
  return Buffer.concat(parts);
}

/** Each template of the user's list encoded, ordered by shortcut. */
async function encodedList(user: SessionUser): Promise<{ templates: Buffer[]; tag: string }> {
  const listed = await db().$queryRaw<ListedTemplate[]>(Prisma.sql`
    SELECT id, "shortcutKey" AS key, xmin::text AS version, "updatedAt" FROM "MessageTemplate"
    WHERE "workspaceId" = ${user.workspaceId} AND scope IN (${SHARED_SCOPE}, ${user.id})`);
  listed.sort(byKey);
  const encoded = listed.map((template) => {
    const entry = encodedTemplates.get(template.id);
    return entry?.version === template.version ? entry.json : undefined;
  });
  const missing = listed.filter((_, index) => encoded[index] === undefined);
  if (missing.length > 0) {
    // Stored under the version listed: a row changed since then is read newer than its version
    // says, and the next request reads it once more rather than ever trusting an older copy.
    const rows = await db().messageTemplate.findMany({ where: { id: { in: missing.map((template) => template.id) } }, select: templateDtoSelect });
    const read = new Map(rows.map((row) => [row.id, Buffer.from(JSON.stringify(toTemplateDto(row)))]));
    for (const template of missing) {
      const json = read.get(template.id);
      if (json !== undefined) encodedTemplates.set(template.id, { version: template.version, json });
    }
    listed.forEach((template, index) => (encoded[index] ??= read.get(template.id)));
  }
  // A template deleted between the two reads is left out of the body; the tag then differs from the
  // next request's, which answers in full.
  const templates = encoded.filter((json): json is Buffer => json !== undefined);
  let latest: Date | null = null;
  for (const template of listed) if (!latest || template.updatedAt > latest) latest = template.updatedAt;
  return { templates, tag: templateListTagOf(user, listed.length, latest) };
}

/** The list as objects, for the settings screen. */
export async function listTemplates(user: SessionUser): Promise<{ templates: TemplateDto[]; tag: string }> {
  const { json, tag } = await listTemplatesJson(user);
  return { templates: JSON.parse(json) as TemplateDto[], tag };
}

const byKey = (a: ListedTemplate, b: ListedTemplate) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
