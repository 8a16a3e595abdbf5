// Counts the HTTP requests being answered, so a shutdown can wait for them (and only them: the
// Socket.io connections stay open until the end, when they are closed on purpose).
import type { IncomingMessage, ServerResponse } from "node:http";

export interface InFlightRequests {
  track(request: IncomingMessage, response: ServerResponse): void;
  /** Resolves once no request is being answered, or after `limitMs` whatever is left. */
  settled(limitMs: number): Promise<void>;
}

export function inFlightRequests(): InFlightRequests {
  let active = 0;
  const waiters = new Set<() => void>();
  return {
    track(_request, response) {
      active++;
      response.once("close", () => {
        active--;
        if (active === 0) waiters.forEach((resolve) => resolve());
      });
    },
    settled(limitMs) {
      if (active === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, limitMs);
        waiters.add(done);
      });
    },
  };
}
