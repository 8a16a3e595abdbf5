// A strict RFC 4180 reader for tests of the CSV exports: CRLF between records, fields quoted when
// they hold a comma, quote or line break, quotes doubled inside quotes. Anything else throws, so a
// file that only looks like CSV fails the test.
export function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  for (;;) {
    let field = "";
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote < 0) throw new Error(`Unterminated quoted field at ${index}`);
        field += text.slice(index, quote);
        index = quote + 1;
        if (text[index] !== '"') break;
        field += '"';
        index += 1;
      }
    } else {
      const end = text.slice(index).search(/[,\r\n"]/);
      const stop = end < 0 ? text.length : index + end;
      if (text[stop] === '"') throw new Error(`A quote inside an unquoted field at ${stop}`);
      if (text[stop] === "\n") throw new Error(`A bare LF at ${stop}: records end with CRLF`);
      field = text.slice(index, stop);
      index = stop;
    }
    record.push(field);
    if (text[index] === ",") {
      index += 1;
    } else if (text.startsWith("\r\n", index)) {
      records.push(record);
      record = [];
      index += 2;
      if (index === text.length) return records;
    } else if (index === text.length) {
      records.push(record);
      return records;
    } else {
      throw new Error(`Unexpected character ${JSON.stringify(text[index])} at ${index}`);
    }
  }
}
