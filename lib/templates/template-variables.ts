// The variables a message template may hold ("Chào {ten_khach}, {ten_trang} xin nghe"): the list the
// editor offers, the unknown ones it flags (they stay in the text as typed, and are sent as typed),
// and the filling for one conversation when the template is inserted. Pure and browser-safe: the
// settings editor, the composer's picker and the unit tests share it.

/** Known variables, in the order the editor offers them. */
export const TEMPLATE_VARIABLES = ["ten_khach", "ten_trang", "ten_nhan_vien"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** `{name}` where name is what a variable could be: letters, digits and "_" (not "{ }" or a JSON-like "{a: 1}"). */
const PLACEHOLDER = /\{([\p{L}\p{N}_]+)\}/gu;

const isKnown = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** Placeholders in the text that are not known variables ("{ten_khack}"), each once, in order of appearance. */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) if (name && !isKnown(name)) unknown.add(name);
  return [...unknown];
}

export interface FillContext {
  /** The customer's name; null or blank when the platform gave none. */
  customerName: string | null;
  /** The page / OA the conversation is on. */
  pageName: string;
  /** The agent inserting the template. */
  agentName: string;
  /**
   * Said instead of a missing customer name ("anh/chị"): a reply must never reach a customer with
   * "{ten_khach}" in it.
   */
  customerFallback: string;
}

/** The text with every known variable filled for this conversation; unknown placeholders stay as typed. */
export function fillTemplate(text: string, context: FillContext): string {
  const values: Record<TemplateVariable, string> = {
    ten_khach: context.customerName?.trim() || context.customerFallback,
    ten_trang: context.pageName.trim(),
    ten_nhan_vien: context.agentName.trim(),
  };
  return text.replace(PLACEHOLDER, (placeholder, name: string) => (isKnown(name) ? values[name] : placeholder));
}

/** Splits a text into plain runs and placeholders, for the editor's preview that flags unknown ones. */
export function templateParts(text: string): { text: string; variable: "known" | "unknown" | null }[] {
  const parts: { text: string; variable: "known" | "unknown" | null }[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), variable: null });
    parts.push({ text: match[0], variable: isKnown(match[1] ?? "") ? "known" : "unknown" });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), variable: null });
  return parts;
}
