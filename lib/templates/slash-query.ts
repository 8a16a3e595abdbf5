// The "/query" being typed in the composer that opens the template picker: a "/" at the start of
// the text or of a word (so "1/2" or a link's "https://" does not open it), then up to three words
// ("/phi ship"), up to the caret. And the text once a template replaced it. Pure, for the picker.

export interface SlashQuery {
  /** Where the "/" stands. */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  // A word right after the "/" (or nothing yet): "Size M / L" is writing, not a search.
  const match = /(?:^|\s)\/([^\s/]+(?: [^\s/]*){0,2}|)$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: before.length - query.length - 1, query };
}

/** The text with "/query" (up to the caret) replaced by the filled template, and the caret after it. */
export function insertTemplateText(text: string, at: SlashQuery, filled: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + filled + text.slice(end), caret: at.start + filled.length };
}
