// CSV as RFC 4180 writes it (CRLF line ends; a field holding a comma, quote or line break is quoted,
// its quotes doubled), in UTF-8 behind a byte-order mark: without it Excel reads the file in the
// machine's ANSI code page and Vietnamese names come out garbled. Text that a spreadsheet would run
// as a formula (=, +, -, @ first) gets a leading apostrophe: a customer named "=HYPERLINK(…)" stays
// a name (OWASP "CSV injection").
export const UTF8_BOM = "\uFEFF";

export type CsvField = string | number | null;

export function csvLine(fields: readonly CsvField[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function csvField(field: CsvField): string {
  if (field === null) return "";
  if (typeof field === "number") return String(field);
  const text = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A download that streams: each chunk is asked for only when the client has taken the previous
 * ones, so a long export holds one batch in memory at a time.
 */
export function csvResponse(filename: string, lines: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
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
