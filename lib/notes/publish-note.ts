// Tells browsers about a committed note: the note itself to whoever may see the conversation (the
// same rooms as its messages), and "you were mentioned" to each mentioned colleague's own room.
// The conversation is not published: a note changes nothing the list shows. The note is stored
// whatever happens here and a reconnecting thread reloads it, so a failure is only logged.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { messagePreview } from "@/lib/inbox/message-preview";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { publish } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

export async function publishNote(note: MessageDto, author: { id: string; name: string }, customerName: string | null): Promise<void> {
  try {
    const audience = await conversationAudience(db(), note.conversationId);
    const excerpt = messagePreview({ text: note.text, attachments: [] });
    publish([
      { rooms: audience, event: "message:upsert", payload: { message: note } },
      ...note.mentions.map((mentioned) => ({
        rooms: [rooms.user(mentioned.id)],
        event: "note:mentioned" as const,
        payload: { conversationId: note.conversationId, messageId: note.id, author, customerName, excerpt },
      })),
    ]);
  } catch (error) {
    logger.error("Could not publish a note", { messageId: note.id, error });
  }
}
