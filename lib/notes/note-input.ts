// What the composer posts for a private note ("Ghi chú nội bộ"), and the text a note may hold.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/id-schema";
import { NOTE_MAX_LENGTH } from "@/lib/notes/note-limits";

/** More colleagues than any note names; it also bounds the visibility checks one note costs. */
export const NOTE_MAX_MENTIONS = 20;

export const addNoteInputSchema = z.object({
  /** Chosen by the composer; a resubmitted note with the same id returns the note already stored. */
  clientMessageId: z.uuid(),
  text: z.string(),
  /** The colleagues picked from the "@" list; the text shows them as "@Tên". */
  mentionedUserIds: z.array(idSchema).max(NOTE_MAX_MENTIONS).default([]),
});
export type AddNoteInput = z.input<typeof addNoteInputSchema>;

/** The stored text of a note: trimmed, not empty, at most NOTE_MAX_LENGTH characters (the limit named). */
export function noteText(raw: string): string {
  const text = raw.trim();
  if (text === "") throw new AppError("invalid_input", "Write the note first.", { reason: "empty_note" }, { text: ["empty_note"] });
  // PostgreSQL cannot store U+0000 in text (it would be a 500); nobody types it, a paste may carry it.
  if (text.includes("\u0000")) throw new AppError("invalid_input", "The note contains a character that cannot be stored.", { reason: "invalid_character" }, { text: ["invalid_character"] });
  if (text.length > NOTE_MAX_LENGTH) {
    throw new AppError(
      "invalid_input",
      `A note can be at most ${NOTE_MAX_LENGTH} characters long; this one has ${text.length}.`,
      { reason: "note_too_long", limit: NOTE_MAX_LENGTH, length: text.length },
      { text: ["note_too_long"] },
    );
  }
  return text;
}
