// Search in the conversation list (q): a conversation matches by its customer's name, by the phone
// number on its customer card, or by words in its messages — the customer's, the agents' and the
// private notes, which whoever may see the conversation may read anyway. Always inside `scope` (what
// the viewer may see, the tab, the filters, the cursor): this only narrows the list.
//
// Each way of matching is its own query, and the three first pages are merged in the list's order:
// combined with OR, PostgreSQL can no longer start from an index of the matching rows and walks the
// whole list instead. The messages need two shapes, measured on 1,000,000 messages
// (bench/message-search.ts, docs/benchmarks.md):
// - a rare word (an order code, a phone number, "vali") is read off the trigram index: a few rows,
//   then their conversations;
// - a common word ("ship", "giá": one message in eight) would make the trigram index list 120,000
//   messages (15-30 ms before the first row), while a handful of the newest conversations already
//   fill a page: those are walked newest first and their messages probed through the
//   (conversationId, sentAt) index, a window at a time.
// PostgreSQL picks between such plans by its estimate of the word's frequency, which comes from a
// 100-value histogram of whole messages: right for "ship", half the truth for "vali" (1,074 for
// 2,005), and its wrong choice then cost 80-120 ms. So the choice is made here, on a count: the
// planner's estimate only rules out the trigram index for words it already knows to be common, and
// the index is asked for at most RARE_MESSAGES + 1 rows otherwise.
// Messages are searched for words of 3 characters or more: the trigram index cannot serve shorter
// ones (it would read every entry), and one or two letters would match most of the inbox anyway.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConversationRow, ConversationSummary } from "@/lib/inbox/inbox-dto";
import type { KeysetPosition } from "@/lib/inbox/keyset-cursor";
import { normalizeSearchName } from "@/lib/inbox/search-name";
import { searchSnippet } from "@/lib/inbox/search-snippet";
import { containsPattern, escapeLike, searchTextOf } from "@/lib/inbox/search-text";
import { parsePhoneNumber } from "@/lib/contacts/phone-number";

/** Up to this many matching messages, their conversations are looked up by id. */
const RARE_MESSAGES = 5000;
/** A planner estimate above this (2 % of a million messages) is not a histogram's rounding error. */
const SURELY_COMMON_ESTIMATE = 20_000;
/** Trigrams need three characters. */
const SHORTEST_MESSAGE_SEARCH = 3;
/** Conversations walked per probe: a common word fills a page of 30 from the first window or two. */
const WALK_WINDOW = 200;

/** Why a conversation was found, when it was found by a message: that message and an excerpt of it. */
type SearchMatch = NonNullable<ConversationSummary["match"]>;

/** How the list reads its rows: the list owns its order, the search only adds conditions. */
export interface ConversationListReader {
  /** The first `take` rows of the list within `where`, in the list's order. */
  page: (where: Prisma.ConversationWhereInput, take: number) => Promise<ConversationRow[]>;
  /** The same, ids and positions only: what a search sifts through before reading its page. */
  positions: (where: Prisma.ConversationWhereInput, take: number) => Promise<ListPosition[]>;
  /** Rows after `position` in the list's order (the keyset condition). */
  after: (position: KeysetPosition) => Prisma.ConversationWhereInput;
}

interface ListPosition {
  id: string;
  lastMessageAt: Date;
}

export interface SearchResult {
  rows: ConversationRow[];
  matches: Map<string, SearchMatch>;
}

/** Newest first; ties by ascending id: the list's order (list-conversations.ts). */
function inListOrder(a: ConversationRow, b: ConversationRow): number {
  const byTime = b.lastMessageAt.getTime() - a.lastMessageAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first `take` conversations within `scope` matching `q`; null when q folds to nothing to search for. */
export async function searchConversations(
  scope: Prisma.ConversationWhereInput,
  q: string,
  take: number,
  list: ConversationListReader,
): Promise<SearchResult | null> {
  const name = normalizeSearchName(q);
  const folded = searchTextOf(q);
  if (!name && !folded) return null;
  const phone = parsePhoneNumber(q);
  const [byName, byPhone, byMessage] = await Promise.all([
    name ? list.page({ AND: [scope, { contact: { searchName: { contains: escapeLike(name) } } }] }, take) : [],
    phone ? list.page({ AND: [scope, { contact: { phone } }] }, take) : [],
    folded.length >= SHORTEST_MESSAGE_SEARCH ? pageByMessages(scope, folded, take, list) : [],
  ]);
  const rows = [...new Map([...byName, ...byPhone, ...byMessage].map((row) => [row.id, row])).values()].sort(inListOrder).slice(0, take);
  const byMessageIds = new Set(byMessage.map((row) => row.id));
  const matched = rows.filter((row) => byMessageIds.has(row.id)).map((row) => row.id);
  return { rows, matches: matched.length > 0 ? await newestMatches(matched, folded) : new Map() };
}

async function pageByMessages(scope: Prisma.ConversationWhereInput, folded: string, take: number, list: ConversationListReader): Promise<ConversationRow[]> {
  const ids = await conversationsByMessages(scope, folded, take, list);
  return ids.length > 0 ? list.page({ AND: [scope, { id: { in: ids } }] }, take) : [];
}

/** The ids of the first `take` conversations within `scope` with a message holding `folded`. */
async function conversationsByMessages(scope: Prisma.ConversationWhereInput, folded: string, take: number, list: ConversationListReader): Promise<string[]> {
  const pattern = containsPattern(folded);
  if ((await plannerEstimate(pattern)) <= SURELY_COMMON_ESTIMATE) {
    const candidates = await rareWordConversations(pattern);
    if (candidates) return firstInScope(scope, candidates, take, list);
  }
  return walkNewestFirst(scope, pattern, take, list);
}

/**
 * The conversations holding the word, newest first, read off the trigram index; null when more than
 * RARE_MESSAGES messages hold it. Counted and ordered in one statement: the ids never travel twice.
 */
async function rareWordConversations(pattern: string): Promise<string[] | null> {
  const rows = await db().$queryRaw<{ id: string; hits: bigint }[]>`
    WITH hits AS MATERIALIZED (SELECT "conversationId" FROM "Message" WHERE "searchText" LIKE ${pattern} LIMIT ${RARE_MESSAGES + 1})
    SELECT c.id, (SELECT count(*) FROM hits) AS hits FROM "Conversation" c
    WHERE c.id IN (SELECT "conversationId" FROM hits)
    ORDER BY c."lastMessageAt" DESC, c.id`;
  return Number(rows[0]?.hits ?? 0) > RARE_MESSAGES ? null : rows.map((row) => row.id);
}

/**
 * The first `take` of the ordered candidates that lie in `scope`, asked in growing slices: every id a
 * slice yields is newer than the next slice's, so they add up in order. An admin, who sees most of
 * them, is done after the first slice; an agent, who sees one in twenty, is not made to pass
 * thousands of ids in one query (Prisma takes 10 ms over 2,000 ids, 2 ms over 400).
 */
async function firstInScope(scope: Prisma.ConversationWhereInput, candidates: string[], take: number, list: ConversationListReader): Promise<string[]> {
  const found: string[] = [];
  for (let start = 0, size = 200; start < candidates.length && found.length < take; start += size, size *= 2) {
    const inScope = await list.positions({ AND: [scope, { id: { in: candidates.slice(start, start + size) } }] }, take - found.length);
    found.push(...inScope.map((row) => row.id));
  }
  return found;
}

/** The planner's row estimate for the pattern: one EXPLAIN, no rows read. */
async function plannerEstimate(pattern: string): Promise<number> {
  const [plan] = await db().$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Message" WHERE "searchText" LIKE ${pattern}`;
  return plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
}

/**
 * The list's rows a window at a time, each window's conversations probed for a matching message by
 * conversation id (the EXISTS reads the (conversationId, sentAt) index, never the trigram one), until
 * `take` have matched or the list ends.
 */
async function walkNewestFirst(scope: Prisma.ConversationWhereInput, pattern: string, take: number, list: ConversationListReader): Promise<string[]> {
  const found: string[] = [];
  let after: KeysetPosition | undefined;
  for (;;) {
    const window = await list.positions(after ? { AND: [scope, list.after(after)] } : scope, WALK_WINDOW);
    if (window.length === 0) return found;
    const hits = await db().$queryRaw<{ id: string }[]>`
      SELECT c.id FROM unnest(${window.map((row) => row.id)}::text[]) AS c(id)
      WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id AND m."searchText" LIKE ${pattern})`;
    const hitIds = new Set(hits.map((hit) => hit.id));
    found.push(...window.filter((row) => hitIds.has(row.id)).map((row) => row.id));
    if (found.length >= take || window.length < WALK_WINDOW) return found.slice(0, take);
    const last = window.at(-1)!;
    after = { at: last.lastMessageAt, id: last.id };
  }
}

/** Each conversation's newest message matching `folded`, as an excerpt. */
async function newestMatches(conversationIds: string[], folded: string): Promise<Map<string, SearchMatch>> {
  const rows = await db().$queryRaw<{ conversationId: string; id: string; text: string; sentAt: Date }[]>`
    SELECT c.id AS "conversationId", m.id, m.text, m."sentAt"
    FROM unnest(${conversationIds}::text[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT id, text, "sentAt" FROM "Message"
      WHERE "conversationId" = c.id AND "searchText" LIKE ${containsPattern(folded)}
      ORDER BY "sentAt" DESC, id DESC LIMIT 1
    ) m`;
  return new Map(
    rows.map((row) => [row.conversationId, { messageId: row.id, sentAt: row.sentAt.toISOString(), snippet: searchSnippet(row.text, folded) }]),
  );
}
