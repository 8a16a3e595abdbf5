// The inbox's hottest reads, answered from the custom server's node:http handler before Next.js, as
// the webhooks are: every open inbox asks for its list, its thread and its tab counts again after
// each live change. Measured on the 2-core target machine, Next's router and its Web
// Request/Response objects cost more CPU per answer than the queries did (docs/benchmarks.md and
// docs/decisions.md, issue 18). Nothing is skipped on the way: every request has passed
// guardHttpRequest (security headers, origin) first; the session is read from the same cookie by
// the same code as pages and sockets; ids in the address are checked as jsonRoute checks them; and
// errors get jsonRoute's status and body.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { sessionFromCookieHeader, type SessionUser } from "@/lib/auth/session-token";
import { assertWellFormedIds } from "@/lib/http/id-schema";
import { errorAnswer } from "@/lib/http/error-answer";
import { routedPath } from "@/lib/http/same-origin";

export interface ReadRoute {
  /** The address, with `:name` for each id segment: `/api/conversations/:id/messages`. */
  path: string;
  /** The JSON answer for a signed-in user; throws AppError or ZodError like any route handler. */
  answer(user: SessionUser, params: Record<string, string>, query: URLSearchParams): Promise<unknown>;
}

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  answer: ReadRoute["answer"];
}

/** A request handler answering GET for `routes`; it returns false for anything else (left to Next). */
export function readRoutesBeforeNext(routes: readonly ReadRoute[]): (request: IncomingMessage, response: ServerResponse) => boolean {
  const compiled = routes.map(compile);
  return (request, response) => {
    if (request.method !== "GET") return false;
    const target = request.url ?? "/";
    const path = routedPath(target);
    if (path === null) return false;
    for (const route of compiled) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      const queryStart = target.indexOf("?");
      const query = new URLSearchParams(queryStart === -1 ? "" : target.slice(queryStart + 1));
      // It answers every outcome itself, errors included.
      void answerRoute(route, match, query, request, response);
      return true;
    }
    return false;
  };
}

function compile({ path, answer }: ReadRoute): CompiledRoute {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), names, answer };
}

async function answerRoute(route: CompiledRoute, match: RegExpExecArray, query: URLSearchParams, request: IncomingMessage, response: ServerResponse) {
  try {
    const params = Object.fromEntries(route.names.map((name, index) => [name, decodeSegment(match[index + 1]!)]));
    assertWellFormedIds(params);
    const session = await sessionFromCookieHeader(request.headers.cookie);
    if (!session) throw new AppError("unauthenticated", "Sign in to continue.");
    writeJson(response, 200, await route.answer(session.user, params, query));
  } catch (error) {
    const { status, body } = errorAnswer(error, request);
    writeJson(response, status, body);
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Not valid percent-encoding: kept as it is, which the id check then refuses.
    return segment;
  }
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  // What a user may see right now: never stored by a browser or a proxy.
  response.writeHead(status, { "content-type": "application/json", "cache-control": "private, no-store" }).end(JSON.stringify(body));
}
