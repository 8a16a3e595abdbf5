// The control API changes the emulated world (customers write, pages lose tokens), so a page of
// another site must not be able to make a visitor's browser call it. Its own customer page
// (/_emulator) is served from the emulator itself, so a write's Origin (or, without one, Referer)
// must name the host the request was sent to. Scripts and tests send neither and pass. Kept apart
// from the app's check in lib/: the emulator does not depend on the app.
import type { IncomingMessage } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function isCrossOriginWrite(req: IncomingMessage): boolean {
  if (SAFE_METHODS.has((req.method ?? "GET").toUpperCase())) return false;
  const claimed = req.headers.origin ?? req.headers.referer;
  if (!claimed) return false;
  return hostOf(claimed) !== (req.headers.host ?? "").toLowerCase();
}
