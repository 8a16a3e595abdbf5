// Runs before every page (not /api or /_next): makes the page's Content-Security-Policy with a
// fresh nonce, which Next reads from the request header and puts on its own scripts, and passes
// the requested path to server components, so a signed-out visitor can be sent back to the page
// they asked for after signing in. Authentication itself happens in layouts and handlers.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { pageContentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const config = env();
  const policy = pageContentSecurityPolicy({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"),
    appUrl: config.APP_URL,
    platformUrls: [config.META_GRAPH_URL, config.META_DIALOG_URL, config.ZALO_API_URL, config.ZALO_OAUTH_URL],
    dev: config.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = { matcher: ["/((?!api|_next|favicon.ico).*)"] };
