// Deterministic ids for one emulated world: every kind of id counts up on its own, and the counts
// travel with a saved world so a restored one never hands out an id twice.

export class CountedIds {
  private readonly counters: Map<string, number>;

  /** `counts` continues a saved world's numbering, so new ids never repeat old ones. */
  constructor(counts: Record<string, number> = {}) {
    this.counters = new Map(Object.entries(counts));
  }

  /** How many ids of each kind were handed out, for a saved world. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  protected next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  /** `width`-digit ids that start with `prefix`, counted per prefix: ("1090", 16) → "1090000000000001". */
  protected paddedNumber(prefix: string, width: number): string {
    return prefix + String(this.next(prefix)).padStart(width - prefix.length, "0");
  }
}
