// Opaque cursors for keyset pagination on (time desc, id). The browser hands them back
// unchanged; a cursor that was tampered with is a 400, never a database error.
import { AppError } from "@/lib/errors";
import { isWellFormedId } from "@/lib/http/id-schema";

/**
 * Cursors hold times of messages and conversations: never before 1970 nor past year 9999. Anything
 * else was made up, and would reach PostgreSQL as "Invalid Date" or a timestamp out of its range.
 */
const LATEST_CURSOR_TIME = Date.UTC(10_000, 0, 1);

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
    if (typeof time === "number" && Number.isSafeInteger(time) && time >= 0 && time < LATEST_CURSOR_TIME && typeof id === "string" && isWellFormedId(id)) {
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
