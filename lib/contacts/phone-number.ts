// Vietnamese phone numbers: found in customers' messages, typed into the customer card, and stored
// in one canonical form, digits only with the national 0 ("0912345678"; landlines "02838221234").
// +84 / 84 followed by 9 digits becomes 0 and those digits, as the Message."searchText" trigger
// (migration sellers_tools) folds them, so a saved number and a searched one are the same string.
// Pure and browser-safe: the card's input checks a number before sending it.

/** Mobiles: 03x, 05x, 07x, 08x, 09x and 8 more digits. */
const MOBILE = /^0[35789]\d{8}$/;
/** Landlines since 2017: 02 + a 1–2 digit area code + the subscriber's number, 11 digits in all. */
const LANDLINE = /^02\d{9}$/;

/** How the card shows a number and names the expected form when one is refused. */
export const PHONE_FORMAT_EXAMPLES = ["0912 345 678", "+84 912 345 678", "028 3822 1234"] as const;

/** The canonical form of a number's digits (country code included, if typed), or null if it is not one. */
function canonicalOf(digits: string): string | null {
  let national = digits;
  // "+84 0912…" (the trunk 0 kept after the country code) is a common way of writing it too.
  if (national.startsWith("84") && national.length >= 11) national = `0${national.slice(2).replace(/^0/, "")}`;
  return MOBILE.test(national) || LANDLINE.test(national) ? national : null;
}

/**
 * A number typed by an agent: digits with the separators people write ("0912.345.678",
 * "+84 912 345 678", "(028) 3822 1234"), nothing else. Null when it is not a Vietnamese number.
 */
export function parsePhoneNumber(input: string): string | null {
  const typed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(typed)) return null;
  return canonicalOf(typed.replace(/\D/g, ""));
}

/** "0912345678" → "0912 345 678", "02838221234" → "028 3822 1234": the groups people read aloud. */
export function formatPhoneNumber(canonical: string): string {
  if (LANDLINE.test(canonical)) return `${canonical.slice(0, 3)} ${canonical.slice(3, 7)} ${canonical.slice(7)}`;
  if (MOBILE.test(canonical)) return `${canonical.slice(0, 4)} ${canonical.slice(4, 7)} ${canonical.slice(7)}`;
  return canonical;
}

interface Group {
  start: number;
  end: number;
  digits: string;
  /** "+84" or "(028)": may only open a number. */
  opener: boolean;
}

// A run of digits, optionally with a leading "+", or a parenthesised area/country code.
const GROUP = /\(\+?\d{1,4}\)|\+?\d+/g;
// What may join two groups of one number: nothing (after "(028)"), or one space, dot or dash.
const JOINER = /^[ .\-\u00a0]?$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every Vietnamese phone number written in `text`, canonical, each once, in the order they appear.
 * A number is a window of digit groups joined by one consistent separator (the one after a leading
 * "+84" or "(028)" may differ), not glued to letters or digits: so prices ("30.000"), dates
 * ("05.03.2024 12:30"), order codes ("DH0912345678") and long codes are not taken for numbers.
 */
export function detectPhoneNumbers(text: string): string[] {
  const groups: Group[] = [];
  for (const match of text.matchAll(GROUP)) {
    const value = match[0];
    groups.push({ start: match.index, end: match.index + value.length, digits: value.replace(/\D/g, ""), opener: value.startsWith("+") || value.startsWith("(") });
  }
  const found: string[] = [];
  let index = 0;
  while (index < groups.length) {
    const window = longestNumberAt(text, groups, index);
    if (window) {
      if (!found.includes(window.number)) found.push(window.number);
      index = window.next;
    } else index += 1;
  }
  return found;
}

function longestNumberAt(text: string, groups: Group[], first: number): { number: string; next: number } | null {
  const opening = groups[first]!;
  if (WORD_CHARACTER.test(text[opening.start - 1] ?? "")) return null;
  let digits = "";
  let separator: string | null = null;
  let best: { number: string; next: number } | null = null;
  for (let index = first; index < groups.length; index++) {
    const group = groups[index]!;
    if (index > first) {
      const joiner = text.slice(groups[index - 1]!.end, group.start);
      if (!JOINER.test(joiner) || group.opener) break;
      // The first joiner is free only after an opener ("+84 912.345.678"); after that, one kind.
      const free = index === first + 1 && opening.opener;
      if (!free) {
        if (separator === null) separator = joiner;
        else if (joiner !== separator) break;
      }
    }
    digits += group.digits;
    if (digits.length > 13) break;
    const number = canonicalOf(digits);
    if (number && !WORD_CHARACTER.test(text[group.end] ?? "")) best = { number, next: index + 1 };
  }
  return best;
}
