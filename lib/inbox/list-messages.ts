// One page of a thread, newest page first, keyset-paginated on (sentAt desc, id asc) — the order of
// the Message index, so a page is read straight from it; "load older" passes the returned cursor
// back. Messages within a page are oldest first, ready to render.
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/inbox/inbox-dto";
import { decodeCursor, pageOf } from "@/lib/inbox/keyset-cursor";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { hiddenConversationError } from "@/lib/assignment/hidden-conversation-error";

export const MESSAGE_PAGE_SIZE = 40;

export const listMessagesQuerySchema = z.object({
  before: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
});

export interface MessagePage {
  messages: MessageDto[];
  /** Cursor of the next older page; null when this page holds the thread's first message. */
  nextCursor: string | null;
}

export async function listMessages(user: SessionUser, conversationId: string, rawQuery: z.input<typeof listMessagesQuerySchema>): Promise<MessagePage> {
  const query = listMessagesQuerySchema.parse(rawQuery);
  const visible = await db().conversation.findFirst({
    where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] },
    select: { id: true },
  });
  if (!visible) throw await hiddenConversationError(db(), user, conversationId);
  const where: Prisma.MessageWhereInput = { conversationId };
  if (query.before) {
    const { at, id } = decodeCursor(query.before);
    where.sentAt = { lte: at };
    where.OR = [{ sentAt: { lt: at } }, { sentAt: at, id: { gt: id } }];
  }
  const rows = await db().message.findMany({
    where,
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    take: MESSAGE_PAGE_SIZE + 1,
    select: messageDtoSelect,
  });
  const { page, nextCursor } = pageOf(rows, MESSAGE_PAGE_SIZE, (row) => ({ at: row.sentAt, id: row.id }));
  return { messages: page.map(toMessageDto).reverse(), nextCursor };
}
