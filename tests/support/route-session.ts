// Route handlers called the way a signed-in browser calls them, so the permission checks that live in
// the routes (requireUser, requireAdmin, requireChannelManager) run for real against a session row.
// Outside Next.js, next/headers has no request to read cookies from: a test file that uses callRoute
// replaces it with this module's stub, which carries the session cookie of whoever callRoute acts for:
//   vi.mock("next/headers", async () => (await import("../support/route-session")).nextHeadersStub);
import { sessionCookieName, type SessionUser } from "../../lib/auth/session-token";
import { sessionToken } from "./socket-client";

/** The session cookie of the request under way; none between calls. */
let requestCookie: string | undefined;

export const nextHeadersStub = {
  cookies: async () => ({
    get: (name: string) => (name === sessionCookieName() && requestCookie ? { name, value: requestCookie } : undefined),
  }),
};

export interface RouteAnswer {
  status: number;
  /** The JSON body, another body as text, or null for an empty answer (204, a redirect). */
  body: unknown;
  /** Where a redirect sends the browser. */
  location?: string;
}

type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * One request to `handler` by `user` from a new session (a device signed in now); `body` is sent as
 * JSON. Calls run one at a time, as a test file's do.
 */
export async function callRoute<P = Record<string, never>>(
  user: Pick<SessionUser, "id" | "role" | "workspaceId">,
  handler: RouteHandler<P>,
  request: { method?: string; params?: P; body?: unknown; search?: string } = {},
): Promise<RouteAnswer> {
  const json = request.body !== undefined;
  requestCookie = await sessionToken(user);
  try {
    const response = await handler(
      new Request(`http://localhost/api${request.search ?? ""}`, {
        method: request.method ?? "GET",
        headers: json ? { "content-type": "application/json" } : {},
        body: json ? JSON.stringify(request.body) : undefined,
      }),
      { params: Promise.resolve(request.params ?? ({} as P)) },
    );
    // Decoded keeping a byte-order mark, which Response.text() would drop: the CSV exports must send one.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const location = response.headers.get("location");
    const csv = response.headers.get("content-type")?.startsWith("text/csv");
    const body = !text ? null : csv ? text : (JSON.parse(text) as unknown);
    return { status: response.status, body, ...(location ? { location } : {}) };
  } finally {
    requestCookie = undefined;
  }
}
