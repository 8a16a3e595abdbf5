// A minimal method + path-pattern router for node:http ("/:pageId/messages" style patterns).
import type { IncomingMessage, ServerResponse } from "node:http";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The path with any "/vNN.N" Graph version prefix removed. */
  path: string;
  version?: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  rawBody: Buffer;
  params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { handler: Handler; params: Record<string, string> }
  | { methodNotAllowed: true }
  | undefined;

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  /** Routes are tried in the order they were added, so specific paths go before "/:id" catch-alls. */
  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? { methodNotAllowed: true } : undefined;
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const a = actual[i] ?? "";
    if (p.startsWith(":")) params[p.slice(1)] = safeDecode(a);
    else if (p !== a) return undefined;
  }
  return params;
}

/** A malformed escape ("%zz") stays as typed: it then matches no object, which answers the caller. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Splits "/v27.0/me/accounts" into version "v27.0" and path "/me/accounts"; unversioned paths pass through. */
export function splitGraphVersion(pathname: string): { version?: string; path: string } {
  const match = /^\/(v\d+\.\d+)(\/.*)?$/.exec(pathname);
  if (!match) return { path: pathname };
  return { version: match[1], path: match[2] ?? "/" };
}
