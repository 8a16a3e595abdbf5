// One page of a thread, newest page first, keyset-paginated on (sentAt desc, id asc) — the order of
// the Message index, so a page is read straight from it; "load older" passes the returned cursor
// back. Messages within a page are oldest first, ready to render.
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { toMessageDto, type MessageDto } from "@/lib/inbox/inbox-dto";
import { readMessagePage } from "@/lib/inbox/read-message-page";
import { decodeCursor, pageOf } from "@/lib/inbox/keyset-cursor";
import { isConversationVisible } from "@/lib/inbox/visible-conversations";
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
  if (!(await isConversationVisible(user, conversationId))) throw await hiddenConversationError(db(), user, conversationId);
  const rows = await readMessagePage(conversationId, MESSAGE_PAGE_SIZE + 1, query.before ? decodeCursor(query.before) : undefined);
  const { page, nextCursor } = pageOf(rows, MESSAGE_PAGE_SIZE, (row) => ({ at: row.sentAt, id: row.id }));
  return { messages: page.map(toMessageDto).reverse(), nextCursor };
}
