// Opaque cursors for keyset pagination on (time desc, id). The browser hands them back
// unchanged; a cursor that was tampered with is a 400, never a database error.
import { AppError } from "@/lib/errors";

export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.getTime(), position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof time === "number" && Number.isSafeInteger(time) && typeof id === "string" && id.length > 0) {
      return { at: new Date(time), id };
    }
  } catch {
    // Falls through to the error below: any unreadable cursor is the same mistake.
  }
  throw new AppError("invalid_input", "The page cursor is not valid.");
}

/**
 * Splits one over-fetched page (limit + 1 rows) into the page and the cursor of the next one, so
 * "is there more?" costs no second query.
 */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => KeysetPosition): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
