// A private note ("Ghi chú nội bộ") in a conversation's thread: written by anyone who may see the
// conversation (closed, out of its reply window or someone else's alike), shown to colleagues only.
// It is a Message row with direction "note" so the thread orders it among the messages, but it is
// not a reply: it is never queued for delivery (only outbound rows are), and it leaves the
// conversation row alone — last message, preview, unread count, the reply timer and the reply
// window's count stay what the customer's and the agents' messages made them.
// Mentioned colleagues must be able to see the conversation, or the whole note is refused.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { hiddenConversationError } from "@/lib/assignment/hidden-conversation-error";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/inbox/inbox-dto";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { colleaguesWhoSee } from "@/lib/notes/colleagues-who-see";
import { addNoteInputSchema, noteText, type AddNoteInput } from "@/lib/notes/note-input";
import { publishNote } from "@/lib/notes/publish-note";

export async function addNote(user: SessionUser, conversationId: string, rawInput: AddNoteInput): Promise<MessageDto> {
  const input = addNoteInputSchema.parse(rawInput);
  const text = noteText(input.text);
  // Mentioning oneself tells nobody anything.
  const mentionedUserIds = [...new Set(input.mentionedUserIds)].filter((id) => id !== user.id);

  const resubmitted = await alreadyStored(user, conversationId, input.clientMessageId);
  if (resubmitted) return resubmitted;

  let stored: { messageId: string; customerName: string | null };
  try {
    stored = await db().$transaction(async (tx) => {
      const conversation = await tx.conversation.findFirst({
        where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] },
        select: { channelId: true, contact: { select: { name: true } } },
      });
      if (!conversation) throw await hiddenConversationError(tx, user, conversationId);
      await assertMentionable(tx, user, conversationId, mentionedUserIds);
      const message = await tx.message.create({
        data: {
          conversationId,
          channelId: conversation.channelId,
          direction: "note",
          senderKind: "agent",
          senderUserId: user.id,
          text,
          status: "sent",
          clientMessageId: input.clientMessageId,
          mentions: { create: mentionedUserIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      return { messageId: message.id, customerName: conversation.contact.name };
    });
  } catch (error) {
    // Two copies of the same note raced; the other one stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await alreadyStored(user, conversationId, input.clientMessageId);
      if (winner) return winner;
    }
    throw error;
  }

  const note = toMessageDto(await db().message.findUniqueOrThrow({ where: { id: stored.messageId }, select: messageDtoSelect }));
  await publishNote(note, { id: user.id, name: user.name }, stored.customerName);
  return note;
}

/** Refuses the note, naming who may not see the conversation, when any mentioned user is one of them. */
async function assertMentionable(tx: Tx, user: SessionUser, conversationId: string, mentionedUserIds: string[]): Promise<void> {
  if (mentionedUserIds.length === 0) return;
  const seeing = new Set((await colleaguesWhoSee(tx, user.workspaceId, conversationId, mentionedUserIds)).map((colleague) => colleague.id));
  const refused = mentionedUserIds.filter((id) => !seeing.has(id));
  if (refused.length === 0) return;
  // Names of the workspace's own people only: an id from elsewhere is not confirmed to exist.
  const known = await tx.user.findMany({ where: { id: { in: refused }, workspaceId: user.workspaceId }, select: { name: true }, orderBy: { name: "asc" } });
  const names = known.map((person) => person.name).join(", ");
  throw new AppError(
    "invalid_input",
    names
      ? `${names} cannot see this conversation, so the note cannot mention them. Nothing was saved.`
      : "A mentioned person is not a member of this workspace. Nothing was saved.",
    { reason: "mention_not_visible", names },
    { mentionedUserIds: ["mention_not_visible"] },
  );
}

/** The note a previous submission with this clientMessageId stored, if any. */
async function alreadyStored(user: SessionUser, conversationId: string, clientMessageId: string): Promise<MessageDto | null> {
  const row = await db().message.findUnique({ where: { clientMessageId }, select: messageDtoSelect });
  if (!row) return null;
  if (row.conversationId !== conversationId || row.direction !== "note" || row.senderUser?.id !== user.id) {
    throw new AppError("conflict", "This clientMessageId was already used for another message.", { reason: "client_message_id_reused" });
  }
  return toMessageDto(row);
}
