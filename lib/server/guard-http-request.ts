// The first thing the custom server does with every request, before the webhook fast path and
// Next.js: the static security headers on the response, and cross-site writes to /api refused.
// Enforced here rather than in each route handler because every HTTP answer of the app passes
// through this one function: a route added later cannot forget it, and redirects, API answers and
// the webhook fast path (which never reach proxy.ts) carry the headers too.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isCrossSiteApiWrite, routedPath } from "@/lib/http/same-origin";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

const CROSS_SITE_REFUSAL = JSON.stringify({
  error: { code: "forbidden", message: "Cross-site request refused: this request did not come from the app's own pages.", params: {} },
});

/** Returns true when the request has been answered (refused) here; false lets it go on. */
export function guardHttpRequest(request: IncomingMessage, response: ServerResponse, appOrigin: string): boolean {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.setHeader(name, value);
  keepOwnPolicyOrDefault(response);
  const path = routedPath(request.url ?? "/");
  if (path === null) {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("Bad Request");
    return true;
  }

  const source = { origin: request.headers.origin, referer: request.headers.referer };
  if (!isCrossSiteApiWrite(request.method ?? "GET", path, source, appOrigin)) return false;
  response.writeHead(403, { "content-type": "application/json; charset=utf-8", connection: "close" }).end(CROSS_SITE_REFUSAL);
  return true;
}

/**
 * Answers without a policy of their own (API JSON, redirects) get the API one. It is added when the
 * head is written, not now: Next never replaces a header that is already set, and the answers that
 * bring their own — pages (nonce, from proxy.ts), uploads (sandbox) — must keep it.
 */
function keepOwnPolicyOrDefault(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    if (!response.hasHeader("content-security-policy")) response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}
