// Which typing indicator to pass on to Messenger, per conversation: the composer reports every few
// keystrokes, Messenger needs typing_on at most every few seconds (it shows it for about 20 s) and a
// typing_off only if it is still showing. Pure: the caller passes the clock.

export const TYPING_ON_INTERVAL_MS = 5_000;
/** Messenger hides the indicator by itself after this long; a typing_off later is pointless. */
export const TYPING_SHOWN_MS = 20_000;

export class TypingThrottle {
  private readonly shownSince = new Map<string, number>();

  next(conversationId: string, on: boolean, now: number): "typing_on" | "typing_off" | null {
    this.forgetExpired(now);
    const last = this.shownSince.get(conversationId);
    if (on) {
      if (last !== undefined && now - last < TYPING_ON_INTERVAL_MS) return null;
      this.shownSince.set(conversationId, now);
      return "typing_on";
    }
    if (last === undefined) return null;
    this.shownSince.delete(conversationId);
    return "typing_off";
  }

  private forgetExpired(now: number): void {
    for (const [conversationId, since] of this.shownSince) {
      if (now - since >= TYPING_SHOWN_MS) this.shownSince.delete(conversationId);
    }
  }
}
