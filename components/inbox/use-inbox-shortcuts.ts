// The inbox's keyboard shortcuts: next/previous conversation, focus the composer, open the message
// templates, "Đánh dấu đã xử lý", and "?" for the list of them (shortcuts-overlay.tsx). Single keys
// never fire while the agent types (an input, a textarea, a contenteditable), inside a dialog, or
// with Ctrl/⌘ held, so they cannot eat a letter of a reply or a browser shortcut.
"use client";
import { useEffect, useRef } from "react";

export type InboxShortcut = "next" | "previous" | "focusComposer" | "openTemplates" | "close" | "help";

/** Every shortcut and the keys shown for it, in the overlay's order. */
export const INBOX_SHORTCUTS: ReadonlyArray<{ action: InboxShortcut; keys: string[][] }> = [
  { action: "next", keys: [["j"], ["Alt", "↓"]] },
  { action: "previous", keys: [["k"], ["Alt", "↑"]] },
  { action: "focusComposer", keys: [["r"]] },
  { action: "openTemplates", keys: [["/"]] },
  { action: "close", keys: [["e"]] },
  { action: "help", keys: [["?"]] },
];

const SINGLE_KEYS: Readonly<Record<string, InboxShortcut>> = { j: "next", k: "previous", r: "focusComposer", "/": "openTemplates", e: "close", "?": "help" };

/** The parts of a KeyboardEvent the matching reads: plain objects in the unit tests. */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: unknown;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

/** Where a key is text being typed, or belongs to an open dialog. */
function ownsKeys(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  const element = target as ElementLike;
  if (element.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName?.toUpperCase() ?? "")) return true;
  return Boolean(element.closest?.("dialog, [role='dialog']"));
}

export function shortcutOf(press: KeyPress): InboxShortcut | null {
  if (press.defaultPrevented || press.isComposing || press.ctrlKey || press.metaKey) return null;
  if (press.altKey) {
    // Alt+↑/↓ is no character, so it may move between conversations from the composer too (as in Slack).
    if (press.key === "ArrowDown") return "next";
    if (press.key === "ArrowUp") return "previous";
    return null;
  }
  if (ownsKeys(press.target)) return null;
  return SINGLE_KEYS[press.key] ?? null;
}

/** The conversation `step` rows away from the selected one in the list; the first row when none is selected. */
export function neighbourOf(ids: readonly string[], selectedId: string | null, step: 1 | -1): string | null {
  const index = selectedId ? ids.indexOf(selectedId) : -1;
  if (index < 0) return ids[0] ?? null;
  return ids[index + step] ?? null;
}

/**
 * The reply or note box of the open thread: the one textarea of its compose panel. Found in the page
 * rather than handed down, so the shortcut needs nothing from the composers it focuses.
 */
export function composerInput(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>("[data-inbox-thread] [role='tabpanel'] textarea");
}

/**
 * Focuses the composer and starts a template search the way typing does: "/" in an empty box opens
 * the picker (template-picker.tsx). Set through the native setter and an input event, because React
 * owns the box's value and only hears about changes from events.
 */
export function startTemplateSearch(input: HTMLTextAreaElement): void {
  input.focus();
  if (input.value !== "") return;
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(input, "/");
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.setSelectionRange(1, 1);
}

export interface ShortcutActions {
  ids: readonly string[];
  selectedId: string | null;
  open: (conversationId: string) => void;
  /** Null when the viewer may not close the open conversation (or it is closed already). */
  close: (() => void) | null;
  showHelp: () => void;
}

export function useInboxShortcuts(actions: ShortcutActions): void {
  // Read at key time, so the listener is added once and never sees stale props.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      const { ids, selectedId, open, close, showHelp } = latest.current;
      const input = composerInput();
      const run: Record<InboxShortcut, (() => void) | null> = {
        next: () => {
          const id = neighbourOf(ids, selectedId, 1);
          if (id) open(id);
        },
        previous: () => {
          const id = neighbourOf(ids, selectedId, -1);
          if (id) open(id);
        },
        focusComposer: input && (() => input.focus()),
        openTemplates: input && (() => startTemplateSearch(input)),
        close,
        help: showHelp,
      };
      const action = run[shortcut];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
