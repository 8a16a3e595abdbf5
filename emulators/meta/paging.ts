// Cursor paging as Graph does it: opaque before/after cursors and an absolute `next` link.
import { graphErrors } from "./graph-errors";
import { param } from "./graph-request";
import type { RequestContext } from "../shared/http-router";
import type { World } from "./world";

export interface Slice<T> {
  items: T[];
  hasNext: boolean;
  hasPrevious: boolean;
  before?: string;
  after?: string;
}

const encodeCursor = (key: string): string => Buffer.from(`cursor:${key}`).toString("base64url");

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith("cursor:")) throw graphErrors.invalidCursor();
  return text.slice("cursor:".length);
}

/** Cursors name an item, not an offset, so paging stays stable when new threads arrive at the top. */
export function slice<T>(
  all: T[],
  keyOf: (item: T) => string,
  limit: number,
  after?: string,
  before?: string,
): Slice<T> {
  let start = 0;
  let end = all.length;
  if (after) {
    const key = decodeCursor(after);
    const index = all.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw graphErrors.invalidCursor();
    start = index + 1;
    end = Math.min(all.length, start + limit);
  } else if (before) {
    const key = decodeCursor(before);
    const index = all.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw graphErrors.invalidCursor();
    end = index;
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(all.length, limit);
  }
  const items = all.slice(start, end);
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    hasNext: end < all.length,
    hasPrevious: start > 0,
    before: first === undefined ? undefined : encodeCursor(keyOf(first)),
    after: last === undefined ? undefined : encodeCursor(keyOf(last)),
  };
}

export function sliceFromRequest<T>(
  ctx: RequestContext,
  all: T[],
  keyOf: (item: T) => string,
  limit: number,
): Slice<T> {
  return slice(all, keyOf, limit, param(ctx, "after"), param(ctx, "before"));
}

/**
 * `{data, paging}` for one slice. `path` defaults to the request's own edge; a nested edge passes its
 * own path and the parameters its `next` link needs (token, fields, limit).
 */
export function pagedList<T>(
  world: World,
  ctx: RequestContext,
  page: Slice<T>,
  data: unknown[],
  path = ctx.path,
  extra: Record<string, string> = {},
): { data: unknown[]; paging?: Record<string, unknown> } {
  const link = (cursorName: "after" | "before", cursor: string): string => {
    const query = new URLSearchParams(path === ctx.path ? ctx.query : undefined);
    for (const [k, v] of Object.entries(extra)) query.set(k, v);
    query.delete("after");
    query.delete("before");
    query.set(cursorName, cursor);
    return `${world.baseUrl}/${ctx.version ?? world.config.graphVersion}${path}?${query.toString()}`;
  };
  const paging: Record<string, unknown> = {};
  if (page.before && page.after) paging.cursors = { before: page.before, after: page.after };
  if (page.hasPrevious && page.before) paging.previous = link("before", page.before);
  if (page.hasNext && page.after) paging.next = link("after", page.after);
  return Object.keys(paging).length > 0 ? { data, paging } : { data };
}
