// Deterministic, Facebook-looking ids (numeric ids, m_ message ids, t_ thread ids) for one world.
import { createHash } from "node:crypto";
import { CountedIds } from "../shared/counted-ids";

export class IdGenerator extends CountedIds {
  /** 16-digit ids like Facebook's, e.g. prefix "1090" → "1090000000000001". */
  numeric(prefix: string): string {
    return this.paddedNumber(prefix, 16);
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
