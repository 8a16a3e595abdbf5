// Durations as people say them: "4 phút 30 giây", "2 giờ 5 phút", "3 ngày 4 giờ" — the largest unit
// and, when it is not zero, the next one down, never a string of four units nor a decimal. Pure:
// the words come from the caller (the message catalog), so it reads the same in every language.
export type DurationUnit = "days" | "hours" | "minutes" | "seconds";

const unitSeconds: [DurationUnit, number][] = [
  ["days", 86_400],
  ["hours", 3_600],
  ["minutes", 60],
  ["seconds", 1],
];

/**
 * `seconds` rounded to whole seconds and written with at most `parts` units (2: the largest and the
 * next one down; 1: the largest alone, rounded down, for chart axes). A negative duration counts as 0.
 */
export function formatDuration(
  seconds: number,
  word: (unit: DurationUnit, count: number) => string,
  parts: 1 | 2 = 2,
): string {
  let left = Math.max(0, Math.round(seconds));
  const largest = unitSeconds.findIndex(([, size]) => left >= size);
  if (largest === -1) return word("seconds", 0);
  const words: string[] = [];
  for (const [unit, size] of unitSeconds.slice(largest, largest + parts)) {
    const count = Math.floor(left / size);
    left -= count * size;
    if (count > 0) words.push(word(unit, count));
  }
  return words.join(" ");
}

/** Steps a duration axis may take, each a round number in its own unit. */
const tickSteps = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800,
];

/**
 * Ticks for a duration axis from 0 past `max`, at most `most` of them, a round step apart (10 phút,
 * 20 phút, …) rather than where a linear scale falls (7 phút 30 giây).
 */
export function durationTicks(max: number, most = 5): number[] {
  const top = Math.max(1, max);
  const step =
    tickSteps.find((size) => Math.ceil(top / size) <= most - 1) ??
    Math.ceil(top / (most - 1) / 86_400) * 86_400;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
}
