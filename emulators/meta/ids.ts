// Deterministic, Facebook-looking ids (numeric ids, m_ message ids, t_ thread ids) for one world.
import { createHash } from "node:crypto";

export class IdGenerator {
  private readonly counters: Map<string, number>;

  /** `counts` continues a saved world's numbering (world-snapshot.ts), so new ids never repeat old ones. */
  constructor(counts: Record<string, number> = {}) {
    this.counters = new Map(Object.entries(counts));
  }

  /** How many ids of each kind were handed out, for a saved world. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  private next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  /** 16-digit ids like Facebook's, e.g. prefix "1090" → "1090000000000001". */
  numeric(prefix: string): string {
    return prefix + String(this.next(prefix)).padStart(16 - prefix.length, "0");
  }

  /** Message ids look like Messenger's opaque "m_…" strings but stay stable across resets. */
  mid(): string {
    const digest = createHash("sha256")
      .update(`mid:${this.next("mid")}`)
      .digest("base64url");
    return `m_${digest.slice(0, 43)}`;
  }

  threadId(): string {
    return `t_${this.numeric("3300")}`;
  }
}
