// Which key presses are inbox shortcuts: single keys only when nobody is typing, never with Ctrl/⌘,
// and Alt+↑/↓ from anywhere.
import { describe, expect, it } from "vitest";
import { INBOX_SHORTCUTS, neighbourOf, shortcutOf, type KeyPress } from "@/components/inbox/use-inbox-shortcuts";

const page = { tagName: "BODY", closest: () => null };
const press = (key: string, options: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, target: page, ...options });

describe("shortcutOf", () => {
  it("maps the single keys on the page", () => {
    expect(["j", "k", "r", "/", "e", "?"].map((key) => shortcutOf(press(key)))).toEqual(["next", "previous", "focusComposer", "openTemplates", "close", "help"]);
    expect(shortcutOf(press("x"))).toBeNull();
    expect(shortcutOf(press("J"))).toBeNull();
  });

  it("never fires a single key while typing in an input, a textarea, a select or a contenteditable", () => {
    for (const target of [{ tagName: "INPUT" }, { tagName: "textarea" }, { tagName: "SELECT" }, { tagName: "DIV", isContentEditable: true }]) {
      for (const key of ["j", "k", "r", "/", "e", "?"]) expect(shortcutOf(press(key, { target })), `${key} in ${target.tagName}`).toBeNull();
    }
  });

  it("leaves keys inside a dialog to the dialog", () => {
    const inDialog = { tagName: "BUTTON", closest: (selector: string) => (selector.includes("dialog") ? {} : null) };
    expect(shortcutOf(press("e", { target: inDialog }))).toBeNull();
    expect(shortcutOf(press("?", { target: inDialog }))).toBeNull();
  });

  it("never fires with Ctrl or ⌘ held, during an IME composition, or once something else handled the key", () => {
    expect(shortcutOf(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press("r", { metaKey: true }))).toBeNull();
    expect(shortcutOf(press("ArrowDown", { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press("e", { isComposing: true }))).toBeNull();
    expect(shortcutOf(press("j", { defaultPrevented: true }))).toBeNull();
  });

  it("moves between conversations with Alt+↑/↓, from the composer too, but takes no Alt+letter", () => {
    expect(shortcutOf(press("ArrowDown", { altKey: true }))).toBe("next");
    expect(shortcutOf(press("ArrowUp", { altKey: true, target: { tagName: "TEXTAREA" } }))).toBe("previous");
    expect(shortcutOf(press("ArrowDown"))).toBeNull();
    expect(shortcutOf(press("e", { altKey: true }))).toBeNull();
  });

  it("lists every shortcut it matches in the overlay", () => {
    expect(new Set(INBOX_SHORTCUTS.map((shortcut) => shortcut.action))).toEqual(new Set(["next", "previous", "focusComposer", "openTemplates", "close", "help"]));
  });
});

describe("neighbourOf", () => {
  const ids = ["a", "b", "c"];

  it("steps through the list and stops at its ends", () => {
    expect(neighbourOf(ids, "b", 1)).toBe("c");
    expect(neighbourOf(ids, "b", -1)).toBe("a");
    expect(neighbourOf(ids, "c", 1)).toBeNull();
    expect(neighbourOf(ids, "a", -1)).toBeNull();
  });

  it("starts at the top when nothing open is in the list", () => {
    expect(neighbourOf(ids, null, 1)).toBe("a");
    expect(neighbourOf(ids, "gone", -1)).toBe("a");
    expect(neighbourOf([], null, 1)).toBeNull();
  });
});
