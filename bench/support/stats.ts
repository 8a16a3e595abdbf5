// Small statistics for benchmark reports: percentiles of latencies and a fixed-width summary line.

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? 0;
}

export function latencySummary(latenciesMs: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = latenciesMs.toSorted((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/**
 * Latency by the second the message was due in (from the phase's first), p50 and max: shows whether
 * a tail is spread over the run or comes from a few seconds of it (a warm-up, a stall).
 */
export function latencyBySecond(samples: ReadonlyArray<{ dueMs: number; latencyMs: number }>): Array<{ second: number; messages: number; p50: number; max: number }> {
  const start = Math.min(...samples.map((sample) => sample.dueMs));
  const bySecond = new Map<number, number[]>();
  for (const { dueMs, latencyMs } of samples) {
    const second = Math.floor((dueMs - start) / 1000);
    const inSecond = bySecond.get(second);
    if (inSecond) inSecond.push(latencyMs);
    else bySecond.set(second, [latencyMs]);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, inSecond]) => {
      const { p50, max } = latencySummary(inSecond);
      return { second, messages: inSecond.length, p50, max };
    });
}

/**
 * Reads `--name value` flags as positive integers, with defaults. Only a given value is checked: a
 * default may be 0 to mean "off" (end-to-end's --processes).
 */
export function intFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Reads a `--name value` flag as a fraction from 0 to 1, with a default. */
export function fractionFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!(value >= 0 && value <= 1)) throw new Error(`--${name} must be a number from 0 to 1`);
  return value;
}

/** Reads a `--name value` flag as a list of words (split on spaces); empty when absent. */
export function wordsFlag(name: string): string[] {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? "").split(" ").filter(Boolean) : [];
}
