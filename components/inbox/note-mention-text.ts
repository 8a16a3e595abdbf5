// The "@Tên" mentions of a note's text, pure: the "@…" being typed at the caret (the composer's
// list), inserting a picked name, and cutting a stored note into plain runs and mentions (the
// thread's highlight). Names are matched without diacritics, as the customer search matches them.
import { normalizeSearchName } from "@/lib/inbox/search-name";

export interface Colleague {
  id: string;
  name: string;
}

/** An "@" being typed: where it stands and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/**
 * The "@query" the caret ends, if any: an "@" at the start or after white space, then at most three
 * words (names have spaces: "@Nguyễn Thị Lan"), on one line.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = /(?:^|\s)@([^\s@]*(?: [^\s@]*){0,2})$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: caret - query.length - 1, query };
}

/** Colleagues whose name contains the query, diacritics and case ignored ("lan" finds "Phạm Lan"). */
export function matchingColleagues<T extends Colleague>(colleagues: readonly T[], query: string): T[] {
  const wanted = normalizeSearchName(query);
  return colleagues.filter((colleague) => normalizeSearchName(colleague.name).includes(wanted));
}

/** The text with the "@query" replaced by "@Name" and a space (unless one follows), and the caret after both. */
export function insertMention(text: string, at: MentionQuery, name: string): { text: string; caret: number } {
  const rest = text.slice(at.start + 1 + at.query.length);
  const spaced = /^\s/.test(rest) ? `@${name}` : `@${name} `;
  return { text: text.slice(0, at.start) + spaced + rest, caret: at.start + `@${name} `.length };
}

/** The picked colleagues whose "@Name" is still in the text: deleting the name takes the mention back. */
export function mentionsStillIn(text: string, picked: readonly Colleague[]): Colleague[] {
  return picked.filter((colleague, index) => text.includes(`@${colleague.name}`) && picked.findIndex((other) => other.id === colleague.id) === index);
}

/** The text cut into plain runs and the "@Name" of each named colleague, longer names tried first. */
export function mentionParts(text: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const wanted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, mention: false }];
  const pattern = new RegExp(`(@(?:${wanted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`, "g");
  return text
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, mention: wanted.some((name) => part === `@${name}`) }));
}
