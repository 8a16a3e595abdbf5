// A page of the conversation list in one SQL statement: the conversations with their page, customer,
// assignee and labels joined for just the page's rows. Through Prisma the same page took five
// statements (the relations follow up by id; joined, PostgreSQL built them for every candidate row
// before sorting) and three times the CPU per list answer (docs/benchmarks.md, issue 18).
// It returns exactly what conversationSummarySelect does, which publications and single reads keep
// using; tests/integration/inbox-sql-reads.test.ts holds the two together.
import type { ConversationRow } from "@/lib/inbox/inbox-dto";
import type { ConversationOrigin, ConversationState, Platform } from "@/lib/generated/prisma/enums";
import { assembledRead, readRows, sqlLimit, type SqlParameters, type SqlRead } from "@/lib/sql-read";

interface Row {
  id: string;
  ruleId: string | null;
  state: ConversationState;
  origin: ConversationOrigin;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  repliesSinceInbound: number;
  lastMessagePreview: string | null;
  unreadCount: number;
  updatedAt: Date;
  channelName: string;
  channelAvatarUrl: string | null;
  channelPlatform: Platform;
  channelId: string;
  contactId: string;
  contactName: string | null;
  contactAvatarUrl: string | null;
  assigneeId: string | null;
  /** Null exactly when assigneeId is. */
  assigneeName: string | null;
  labels: ConversationRow["labels"] | null;
}

// The rows of the conversations `page` holds (an id column).
const rowsOfPage = `SELECT c.id, c."ruleId", c.state, c.origin, c."lastMessageAt", c."lastInboundAt", c."repliesSinceInbound",
      c."lastMessagePreview", c."unreadCount", c."updatedAt",
      ch.id AS "channelId", ch.name AS "channelName", ch."avatarUrl" AS "channelAvatarUrl", ch.platform AS "channelPlatform",
      k.id AS "contactId", k.name AS "contactName", k."avatarUrl" AS "contactAvatarUrl",
      u.id AS "assigneeId", u.name AS "assigneeName",
      (SELECT json_agg(json_build_object('label', json_build_object('id', l.id, 'name', l.name, 'color', l.color)) ORDER BY cl."addedAt", cl."labelId")
         FROM "ConversationLabel" cl JOIN "Label" l ON l.id = cl."labelId" WHERE cl."conversationId" = c.id) AS labels
    FROM page
    JOIN "Conversation" c ON c.id = page.id
    JOIN "Channel" ch ON ch.id = c."channelId"
    JOIN "Contact" k ON k.id = c."contactId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"`;

const byIds: SqlRead = {
  name: "conversation_rows_by_ids",
  text: `WITH page AS (SELECT unnest($1::text[]) AS id) ${rowsOfPage}`,
};

/** The conversations `ids` names, in that order (ids that no longer exist are left out). */
export async function readConversationRows(ids: readonly string[]): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = new Map((await readRows<Row>(byIds, [ids])).map((row) => [row.id, toConversationRow(row)]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/**
 * The first `take` conversations in the list's order (lastMessageAt desc, id) that `condition`
 * holds for — SQL on the conversation aliased `c`, its values in `parameters` — found and read in
 * one statement. The page is found first (MATERIALIZED): joined before the limit, PostgreSQL would
 * build the relations of every candidate row.
 */
export async function readConversationPage(condition: string, parameters: SqlParameters, take: number): Promise<ConversationRow[]> {
  const statement = assembledRead(`WITH page AS MATERIALIZED (
      SELECT c.id FROM "Conversation" c WHERE ${condition} ORDER BY c."lastMessageAt" DESC, c.id ${sqlLimit(take)})
    ${rowsOfPage} ORDER BY c."lastMessageAt" DESC, c.id`);
  return (await readRows<Row>(statement, parameters.values)).map(toConversationRow);
}

function toConversationRow(row: Row): ConversationRow {
  return {
    id: row.id,
    ruleId: row.ruleId,
    state: row.state,
    origin: row.origin,
    lastMessageAt: row.lastMessageAt,
    lastInboundAt: row.lastInboundAt,
    repliesSinceInbound: row.repliesSinceInbound,
    lastMessagePreview: row.lastMessagePreview,
    unreadCount: row.unreadCount,
    updatedAt: row.updatedAt,
    channel: { id: row.channelId, name: row.channelName, avatarUrl: row.channelAvatarUrl, platform: row.channelPlatform },
    contact: { id: row.contactId, name: row.contactName, avatarUrl: row.contactAvatarUrl },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName! },
    labels: row.labels ?? [],
  };
}
