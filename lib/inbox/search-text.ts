// The form messages are searched in: lower case, no Vietnamese diacritics, and phone numbers as
// digits only, so "phi ship" finds "Phí ship" and "+84 912 345 678" finds "0912.345.678".
// Message."searchText" holds the same form, written by the database trigger "message_search_text"
// (migration sellers_tools); a query folded here must match what the trigger stored, so the two
// follow each other step by step (tests/integration/message-search.test.ts compares them).

/**
 * What PostgreSQL's `\s` matches under glibc's UTF-8 locales (iswspace): JavaScript's `\s` also
 * takes the no-break spaces (U+00A0, U+2007, U+202F) and U+FEFF, which the trigger keeps as they are.
 */
const SPACES = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/g;

export function searchTextOf(text: string): string {
  const unaccented = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d");
  // One code point at a time, as PostgreSQL's lower() does: a whole-string toLowerCase() would
  // write a final Greek sigma as "ς" where the trigger writes "σ".
  let lower = "";
  for (const character of unaccented) lower += character.toLowerCase();
  return lower
    .replace(SPACES, " ")
    .replace(/(\d)[ .-](?=\d)/g, "$1")
    .replace(/(^|\D)\+?84(\d{9})(?!\d)/g, (_, before: string, number: string) => `${before}0${number}`)
    .replace(/^ | $/g, "");
}

/** Text for LIKE (and Prisma's `contains`, which passes it on as is): % _ and \ typed by the user match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** The folded query as a LIKE pattern that finds it anywhere. */
export function containsPattern(folded: string): string {
  return `%${escapeLike(folded)}%`;
}
