// A page of a thread in one SQL statement: the messages with their sender, the message each quotes,
// their reactions and a note's mentions, read straight off the (conversationId, sentAt desc, id)
// index. Through Prisma the same page cost twice the CPU per answer (its JSON relation joins are
// built by PostgreSQL and parsed again by Prisma: docs/benchmarks.md, issue 18). It returns exactly
// what messageDtoSelect does, which publications keep using; tests/integration/inbox-sql-reads.test.ts
// holds the two together.
import type { MessageRow } from "@/lib/inbox/inbox-dto";
import type { KeysetPosition } from "@/lib/inbox/keyset-cursor";
import type { MessageDirection, MessageStatus, SenderKind } from "@/lib/generated/prisma/enums";
import { assembledRead, readRows, sqlLimit, sqlTimestamp } from "@/lib/sql-read";

interface Row {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  senderKind: SenderKind;
  text: string | null;
  attachments: MessageRow["attachments"];
  quickReplyPayload: string | null;
  postback: MessageRow["postback"];
  replyToPlatformMessageId: string | null;
  status: MessageStatus;
  failureReason: string | null;
  failureCode: string | null;
  platformMessageId: string | null;
  clientMessageId: string | null;
  sentAt: Date;
  updatedAt: Date;
  quotedId: string | null;
  quotedDirection: MessageDirection | null;
  quotedText: string | null;
  quotedAttachments: MessageRow["attachments"] | null;
  senderUserId: string | null;
  senderUserName: string | null;
  reactions: MessageRow["reactions"] | null;
  mentions: MessageRow["mentions"] | null;
}

const columns = `m.id, m."conversationId", m.direction, m."senderKind", m.text, m.attachments, m."quickReplyPayload", m.postback,
    m."replyToPlatformMessageId", m.status, m."failureReason", m."failureCode", m."platformMessageId", m."clientMessageId",
    m."sentAt", m."updatedAt",
    q.id AS "quotedId", q.direction AS "quotedDirection", q.text AS "quotedText", q.attachments AS "quotedAttachments",
    su.id AS "senderUserId", su.name AS "senderUserName",
    (SELECT json_agg(json_build_object('actorPlatformId', r."actorPlatformId", 'reaction', r.reaction, 'emoji', r.emoji) ORDER BY r."createdAt")
       FROM "MessageReaction" r WHERE r."messageId" = m.id AND NOT r.removed) AS reactions,
    (SELECT json_agg(json_build_object('user', json_build_object('id', mu.id, 'name', mu.name)) ORDER BY nm."createdAt")
       FROM "NoteMention" nm JOIN "User" mu ON mu.id = nm."userId" WHERE nm."messageId" = m.id) AS mentions
  FROM "Message" m
  LEFT JOIN "Message" q ON q.id = m."quotedMessageId"
  LEFT JOIN "User" su ON su.id = m."senderUserId"`;

// Two statements rather than one with optional conditions, so each keeps a plan that starts the
// index scan where the page starts.
const newest = (take: number) => assembledRead(`SELECT ${columns} WHERE m."conversationId" = $1 ORDER BY m."sentAt" DESC, m.id ASC ${sqlLimit(take)}`);

const older = (take: number) =>
  assembledRead(`SELECT ${columns} WHERE m."conversationId" = $1 AND m."sentAt" <= $2 AND (m."sentAt" < $2 OR m.id > $3)
    ORDER BY m."sentAt" DESC, m.id ASC ${sqlLimit(take)}`);

/** The thread's `take` messages newest first, from its newest or from just after `before`. */
export async function readMessagePage(conversationId: string, take: number, before?: KeysetPosition): Promise<MessageRow[]> {
  const rows = before
    ? await readRows<Row>(older(take), [conversationId, sqlTimestamp(before.at), before.id])
    : await readRows<Row>(newest(take), [conversationId]);
  return rows.map(toMessageRow);
}

function toMessageRow(row: Row): MessageRow {
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    senderKind: row.senderKind,
    text: row.text,
    attachments: row.attachments,
    quickReplyPayload: row.quickReplyPayload,
    postback: row.postback,
    replyToPlatformMessageId: row.replyToPlatformMessageId,
    quotedMessage:
      row.quotedId === null ? null : { id: row.quotedId, direction: row.quotedDirection!, text: row.quotedText, attachments: row.quotedAttachments! },
    status: row.status,
    failureReason: row.failureReason,
    failureCode: row.failureCode,
    platformMessageId: row.platformMessageId,
    clientMessageId: row.clientMessageId,
    sentAt: row.sentAt,
    updatedAt: row.updatedAt,
    senderUser: row.senderUserId === null ? null : { id: row.senderUserId, name: row.senderUserName! },
    reactions: row.reactions ?? [],
    mentions: row.mentions ?? [],
  };
}
