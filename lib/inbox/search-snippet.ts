// The excerpt of a message shown under a search result instead of the last message: the words
// around the match, so the agent sees why the conversation was found.
import { searchTextOf } from "@/lib/inbox/search-text";

const CONTEXT_BEFORE = 30;
const EXCERPT_LENGTH = 120;

/**
 * Where `text` reaches `foldedIndex` characters of its folded form. Folding only shortens text (marks,
 * separators, +84 dropped), so the shortest prefix folding to that length is found by halving.
 */
function originalIndex(text: string, foldedIndex: number): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (searchTextOf(text.slice(0, middle)).length < foldedIndex) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Cuts never split an emoji (a surrogate pair) in two. */
function atCodePoint(text: string, index: number): number {
  return /[\ud800-\udbff]/.test(text[index - 1] ?? "") ? index - 1 : index;
}

/** About 120 characters of `text` on one line, starting a few words before `folded` (a searchTextOf form) occurs. */
export function searchSnippet(text: string, folded: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const foldedAt = searchTextOf(line).indexOf(folded);
  const matchAt = foldedAt <= 0 ? 0 : originalIndex(line, foldedAt);
  let start = Math.max(0, matchAt - CONTEXT_BEFORE);
  if (start > 0) {
    const space = line.indexOf(" ", start);
    start = space >= 0 && space < matchAt ? space + 1 : atCodePoint(line, start);
  }
  let end = Math.min(line.length, start + EXCERPT_LENGTH);
  if (end < line.length) {
    const space = line.lastIndexOf(" ", end);
    end = space > matchAt ? space : atCodePoint(line, end);
  }
  return `${start > 0 ? "…" : ""}${line.slice(start, end)}${end < line.length ? "…" : ""}`;
}
