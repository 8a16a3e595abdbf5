// Where to send someone back after signing in (or out): only a path of this app, so a phishing
// link cannot bounce a visitor through our sign-in page to another site (an open redirect).

export const DEFAULT_RETURN_PATH = "/inbox";

const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
const MAX_LENGTH = 2048;

/**
 * Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/host` and
 * `/\host` both become `//host`, another site. Such characters never appear in our own paths.
 */
const AMBIGUOUS_CHARACTERS = /[\u0000-\u0020\u007f\\]/;

/** A path that, however many times it is decoded, stays a path on this site. */
function staysLocal(candidate: string): boolean {
  let decoded = candidate;
  for (let round = 0; round < 3; round++) {
    const path = decoded.split(/[?#]/)[0] ?? "";
    if (!path.startsWith("/") || path.startsWith("//") || AMBIGUOUS_CHARACTERS.test(path)) return false;
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) return true;
      decoded = next;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * `value` when it is a path of this app, else the inbox. `ownOrigin` additionally accepts an
 * absolute URL of that origin (next-auth hands its redirect callback absolute URLs), reduced to
 * its path. Anything else — `//host`, `/\host`, `/%09/host`, their encoded forms, other origins,
 * other schemes — falls back to the inbox.
 */
export function safeReturnPath(value: unknown, ownOrigin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  let candidate = value;
  if (!value.startsWith("/") && ownOrigin !== undefined) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return DEFAULT_RETURN_PATH;
    }
    if (url.origin !== new URL(ownOrigin).origin || value.slice(url.origin.length)[0] !== "/") return DEFAULT_RETURN_PATH;
    candidate = value.slice(url.origin.length);
  }
  if (!staysLocal(candidate)) return DEFAULT_RETURN_PATH;
  // Resolving removes dot segments: `/a/..//host` must not come out as `//host`.
  const resolved = new URL(candidate, PLACEHOLDER_ORIGIN);
  const path = resolved.pathname + resolved.search + resolved.hash;
  return resolved.origin === PLACEHOLDER_ORIGIN && staysLocal(path) ? path : DEFAULT_RETURN_PATH;
}
