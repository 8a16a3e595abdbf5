// Reads written as SQL and sent through pg on Prisma's own pool (lib/db.ts), for the few hot reads
// where Prisma's per-statement work and its follow-up queries cost more than the query itself: the
// inbox list's pages and tab counts, a thread's page and the live-session lookup of every request
// (docs/benchmarks.md and docs/decisions.md, issue 18). Each statement is prepared once per
// connection under its name. Writes never come here.
import pg from "pg";
import { dbPool, statementNameFor } from "@/lib/db";

export interface SqlRead {
  /** Unique per text: PostgreSQL keeps the prepared statement under this name on each connection. */
  name: string;
  text: string;
}

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

// Prisma stores DateTime as `timestamp(3)` without a zone, holding UTC. pg would read such a value
// in the process's local zone; read it as UTC, as Prisma does.
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function readRows<Row extends pg.QueryResultRow>(statement: SqlRead, values: unknown[]): Promise<Row[]> {
  const result = await dbPool().query<Row>({ name: statement.name, text: statement.text, values, types: utcTimestamps });
  return result.rows;
}

/**
 * A time as a parameter compared with a `timestamp` column: its UTC wall time (PostgreSQL ignores the
 * "Z" of a literal read as timestamp without time zone). A Date given to pg as it is would be sent in
 * the process's local zone.
 */
export function sqlTimestamp(at: Date): string {
  return at.toISOString();
}

/**
 * Numbered parameters for a statement put together from parts: each part adds its values here and
 * writes the placeholder it is given, so parts compose without counting each other's parameters.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A statement assembled from parts, named after its text as Prisma's are (lib/db.ts): each shape (a
 * tab, which filters are on) is prepared once per connection, like the fixed statements. Values never
 * enter the text, so the shapes are few.
 */
export function assembledRead(text: string): SqlRead {
  return { name: statementNameFor(text), text };
}

/**
 * A page's LIMIT, written into the statement's text rather than passed as a parameter: with
 * "LIMIT $n" PostgreSQL's generic plan guesses a tenth of the matching rows, costs more than a plan
 * made for the value, and so every call was planned again (0.3 ms of the database's CPU per list page).
 */
export function sqlLimit(take: number): string {
  if (!Number.isSafeInteger(take) || take < 1) throw new Error(`A page takes a positive number of rows, not ${take}`);
  return `LIMIT ${take}`;
}
