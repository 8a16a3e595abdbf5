// Cross-site request checks, as pure functions of a request's method, path and headers, so every
// place that answers HTTP for the app (the custom server before Next.js, the Socket.io handshake,
// readJson) applies the same rules without depending on Next's Request objects.

/** Signed by the platform and sent from its servers: cross-site by design, never from a browser session. */
const CROSS_SITE_PATH_PREFIX = "/api/webhooks/";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** JSON bodies above this are refused before parsing; uploads have their own, larger cap. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export interface RequestSource {
  origin?: string | null;
  referer?: string | null;
}

/** The origin `url` belongs to, or null when it cannot be parsed (or is the opaque "null"). */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether the browser says the request comes from a page of `appOrigin`. `Origin` decides when
 * present (browsers send it on every POST, PUT, PATCH and DELETE, opaque "null" counting as foreign);
 * without it, `Referer`. A request with neither did not come from a browser page (curl, the app's
 * own scripts), and a cross-site forgery always has one, so it passes.
 */
export function comesFromOrigin(source: RequestSource, appOrigin: string): boolean {
  const claimed = source.origin ?? source.referer;
  if (claimed === undefined || claimed === null || claimed === "") return true;
  return originOf(claimed) === originOf(appOrigin);
}

/**
 * The path a raw request target is routed to: dot segments (`..`, `%2e%2e`) resolved and repeated
 * slashes collapsed, so `/api/webhooks/../staff` is judged as the `/api/staff` it reaches. Null for
 * a target that is no URL at all.
 */
export function routedPath(requestTarget: string): string | null {
  try {
    // A leading `//` would otherwise be read as a host; an absolute-form target (`http://host/path`) is one.
    const url = requestTarget.startsWith("/") ? new URL(`http://app/${requestTarget.replace(/^\/+/, "")}`) : new URL(requestTarget, "http://app");
    return url.pathname.replace(/\/{2,}/g, "/");
  } catch {
    return null;
  }
}

/** A write under /api that a page of another site made the browser send: refuse it, 403. */
export function isCrossSiteApiWrite(method: string, path: string, source: RequestSource, appOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (path !== "/api" && !path.startsWith("/api/")) return false;
  if (path.startsWith(CROSS_SITE_PATH_PREFIX)) return false;
  return !comesFromOrigin(source, appOrigin);
}

/**
 * `application/json`, parameters allowed. Anything else is refused (415) by JSON routes: the
 * content types a cross-site HTML form can send (text/plain, form encodings) never reach a handler.
 */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}
