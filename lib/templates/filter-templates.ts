// The composer's template search: what the agent typed after "/" against each template's shortcut
// and text, folded as the searchText column is (templateSearchText), so "phi ship" and "/phi" find
// "Phí ship". Every typed word must occur; templates whose shortcut starts with what was typed come
// first, then those whose shortcut holds it, then those matched by their text. Pure and run in the
// browser on every keystroke, so the folding of the templates is done once (searchableTemplates).
import { normalizeSearchName } from "@/lib/inbox/search-name";
import { shortcutKeyOf, templateSearchText } from "@/lib/templates/template-keys";

export interface SearchableTemplate<T> {
  template: T;
  shortcutKey: string;
  searchText: string;
}

export function searchableTemplates<T extends { shortcut: string; text: string }>(templates: readonly T[]): SearchableTemplate<T>[] {
  return templates.map((template) => ({ template, shortcutKey: shortcutKeyOf(template.shortcut), searchText: templateSearchText(template.shortcut, template.text) }));
}

/** Matching templates, best first; the list's own order (by shortcut) within each rank. */
export function filterTemplates<T>(entries: readonly SearchableTemplate<T>[], query: string, limit = 50): T[] {
  const folded = normalizeSearchName(query.replace(/^\s*\/+/, ""));
  const words = folded.split(" ").filter(Boolean);
  if (words.length === 0) return entries.slice(0, limit).map((entry) => entry.template);
  const first = words[0] ?? "";
  const ranked: { template: T; rank: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    if (!words.every((word) => entry.searchText.includes(word))) return;
    const rank = entry.shortcutKey.startsWith(first) ? 0 : entry.shortcutKey.includes(first) ? 1 : 2;
    ranked.push({ template: entry.template, rank, index });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.template);
}
