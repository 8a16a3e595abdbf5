// One page of the conversation list: newest first, keyset-paginated on (lastMessageAt desc, id asc)
// so rows arriving while someone scrolls never shift a page (no gaps, no duplicates). The id breaks
// ties in ascending order because that is the order of the Conversation indexes: PostgreSQL then
// reads the first rows of an index in order instead of sorting every matching row.
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ConversationRow, ConversationSummary } from "@/lib/inbox/inbox-dto";
import { readConversationPage, readConversationRows } from "@/lib/inbox/read-conversation-rows";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import { conversationTabSchema, tabConversationsSql, tabConversationsWhere } from "@/lib/inbox/conversation-tabs";
import { SqlParameters, sqlTimestamp } from "@/lib/sql-read";
import { decodeCursor, pageOf, type KeysetPosition } from "@/lib/inbox/keyset-cursor";
import { idSchema } from "@/lib/http/id-schema";
import { searchConversations } from "@/lib/inbox/search-conversations";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { Platform } from "@/lib/generated/prisma/enums";

export const CONVERSATION_PAGE_SIZE = 30;

// Nobody types control characters; PostgreSQL cannot even compare U+0000, so they are a 400 here.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "control_characters")
    .optional()
    .transform((value) => value || undefined);

export const listConversationsQuerySchema = z.object({
  tab: conversationTabSchema.default("mine"),
  /** The filter narrows what the viewer may see anyway: a platform or a channel, never a way around visibility. */
  platform: optionalText(32).pipe(z.enum(Platform).optional()),
  channelId: optionalText(64).pipe(idSchema.optional()),
  /** "Nhãn": only conversations carrying this label. */
  labelId: optionalText(64).pipe(idSchema.optional()),
  q: optionalText(100),
  cursor: optionalText(200),
});
export type ListConversationsQuery = z.input<typeof listConversationsQuerySchema>;

export interface ConversationPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

export async function listConversations(user: SessionUser, rawQuery: ListConversationsQuery): Promise<ConversationPage> {
  const query = listConversationsQuerySchema.parse(rawQuery);
  const take = CONVERSATION_PAGE_SIZE + 1;
  const search = query.q ? await searchConversations(await listWhere(user, query), query.q, take, { page: readPage, positions: readPositions, after: conversationsAfter }) : null;
  const rows = search ? search.rows : await readListPage(user, query, take);
  const { page, nextCursor } = pageOf(rows, CONVERSATION_PAGE_SIZE, (row) => ({ at: row.lastMessageAt, id: row.id }));
  const conversations = page.map(toConversationSummary);
  if (search) for (const conversation of conversations) conversation.match = search.matches.get(conversation.id);
  return { conversations, nextCursor };
}

type ListQuery = z.output<typeof listConversationsQuerySchema>;

/** What the list shows: the tab within what the user may see, narrowed by the filters and the cursor. */
async function listWhere(user: SessionUser, query: ListQuery): Promise<Prisma.ConversationWhereInput> {
  const conditions: Prisma.ConversationWhereInput[] = [tabConversationsWhere(user, query.tab, await visibleConversationsFor(user))];
  if (query.platform) conditions.push({ channel: { platform: query.platform } });
  if (query.channelId) conditions.push({ channelId: query.channelId });
  if (query.labelId) conditions.push({ labels: { some: { labelId: query.labelId } } });
  if (query.cursor) conditions.push(conversationsAfter(decodeCursor(query.cursor)));
  return { AND: conditions };
}

/**
 * listWhere as SQL, for a page without a search (the list every open inbox asks for after each live
 * change): found and read in one statement, where Prisma's positions query alone cost four times the
 * CPU of the SQL (docs/benchmarks.md, issue 18). tests/integration/inbox-sql-scope.test.ts holds the
 * two to the same pages.
 */
function readListPage(user: SessionUser, query: ListQuery, take: number): Promise<ConversationRow[]> {
  const parameters = new SqlParameters();
  const conditions = [tabConversationsSql(user, query.tab, parameters)];
  if (query.platform) conditions.push(`EXISTS (SELECT 1 FROM "Channel" fch WHERE fch.id = c."channelId" AND fch.platform = ${parameters.add(query.platform)})`);
  if (query.channelId) conditions.push(`c."channelId" = ${parameters.add(query.channelId)}`);
  if (query.labelId) conditions.push(`EXISTS (SELECT 1 FROM "ConversationLabel" fcl WHERE fcl."conversationId" = c.id AND fcl."labelId" = ${parameters.add(query.labelId)})`);
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    const time = parameters.add(sqlTimestamp(at));
    // The redundant "<=" starts the index scan at the cursor, as in conversationsAfter.
    conditions.push(`c."lastMessageAt" <= ${time} AND (c."lastMessageAt" < ${time} OR (c."lastMessageAt" = ${time} AND c.id > ${parameters.add(id)}))`);
  }
  return readConversationPage(conditions.map((condition) => `(${condition})`).join(" AND "), parameters, take);
}

/**
 * The conversations after a position in the list's order. The redundant `lte` lets PostgreSQL start
 * the index scan at the cursor instead of filtering its way down from the newest row, which keeps
 * deep pages as fast as the first.
 */
function conversationsAfter({ at, id }: KeysetPosition): Prisma.ConversationWhereInput {
  return { lastMessageAt: { lte: at }, OR: [{ lastMessageAt: { lt: at } }, { lastMessageAt: at, id: { gt: id } }] };
}

const listOrder: Prisma.ConversationOrderByWithRelationInput[] = [{ lastMessageAt: "desc" }, { id: "asc" }];

/**
 * A searched page: its positions first, by the where-clause the search narrows, then its rows in one
 * SQL statement for just those ids (read-conversation-rows.ts). Joined into the first query, PostgreSQL
 * built the relations for every candidate row before sorting (a waiting queue of 1,000 went 3 → 10 ms).
 * A conversation that changes between the two reads shows its newer state: its later time can only
 * move the next page's cursor later, which repeats a row the browser already holds (it keeps one per
 * id) and never skips one.
 */
async function readPage(where: Prisma.ConversationWhereInput, take: number) {
  const positions = await readPositions(where, take);
  return readConversationRows(positions.map((position) => position.id));
}

function readPositions(where: Prisma.ConversationWhereInput, take: number) {
  return db().conversation.findMany({ where, orderBy: listOrder, take, select: { id: true, lastMessageAt: true } });
}
