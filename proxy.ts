// Passes the requested path to server components, so a signed-out visitor can be sent back to the
// page they asked for after signing in. Authentication itself happens in layouts and handlers.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api|_next|favicon.ico).*)"] };
