// CSV as RFC 4180 writes it (CRLF line ends), in UTF-8 behind a byte-order mark: without it Excel
// reads the file in the machine's ANSI code page and Vietnamese names come out garbled. Each field
// is quoted by PostgreSQL's report_csv_field (migration report_csv), which also defuses formulas:
// the long export is built there a batch at a time, and the few lines the app holds itself go
// through the same function, so there is one quoting, not a JavaScript twin of it.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export const UTF8_BOM = "\uFEFF";

export type CsvField = string | number | null;

/** The SQL expression of one CSV line (with its CRLF) made of these column expressions. */
export function csvLineSql(fields: readonly Prisma.Sql[]): Prisma.Sql {
  const quoted = fields.map((field) => Prisma.sql`report_csv_field((${field})::text)`);
  return Prisma.sql`(${Prisma.join(quoted, ` || ',' || `)} || E'\\r\\n')`;
}

/** CSV lines for a table the app holds (a header, the per-agent rows), in its order, as one text. */
export async function csvLines(rows: readonly (readonly CsvField[])[]): Promise<string> {
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width)) throw new Error("Every line of a CSV table has the same number of fields.");
  if (width === 0) return "";
  const columns = Array.from({ length: width }, (_, index) => Prisma.sql`r ->> ${index}::int`);
  const [result] = await db().$queryRaw<{ text: string }[]>`
    SELECT string_agg(${csvLineSql(columns)}, '' ORDER BY ordinal) AS text
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(r, ordinal)`;
  return result!.text;
}

/**
 * A download that streams: each chunk is asked for only when the client has taken the previous
 * ones, so a long export holds one batch in memory at a time.
 */
export function csvResponse(filename: string, chunks: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(UTF8_BOM));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
