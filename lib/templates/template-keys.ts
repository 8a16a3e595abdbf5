// A template's folded forms, shared by the server (the unique shortcut, the searchText column) and the
// composer's picker, which filters in the browser: no zod here, whose objects built in the browser
// trip the page's Content-Security-Policy.
import { normalizeSearchName } from "@/lib/inbox/search-name";

/** The folded shortcut that must be unique in its scope: "Phí-Ship" and "phi-ship" are one shortcut. */
export function shortcutKeyOf(shortcut: string): string {
  return normalizeSearchName(shortcut);
}

/** What the picker's filter and the searchText column match: the shortcut and the text, folded. */
export function templateSearchText(shortcut: string, text: string): string {
  return normalizeSearchName(`${shortcut} ${text}`);
}
