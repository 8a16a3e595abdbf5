// What an id in a URL, a query string or a request body may look like. Every id this app hands
// out (cuid, uuid, upload ids, the platforms' numeric ids) is letters, digits, "_" and "-"; anything
// else — %00 above all, which PostgreSQL cannot even compare and answers with an error — is the
// client's mistake (400), refused before it reaches the database.
import { z } from "zod";
import { AppError } from "@/lib/errors";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "invalid_id");

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * Checks a route's dynamic segments (`[id]`): all of them are ids here. Called by jsonRoute before
 * the handler, so no route can forget it.
 */
export async function assertWellFormedRouteIds(context: unknown): Promise<void> {
  const params: unknown = await (context as { params?: Promise<unknown> } | undefined)?.params;
  if (typeof params === "object" && params !== null) assertWellFormedIds(params as Record<string, unknown>);
}

/** The same check on segments already read from the address (the routes served before Next.js). */
export function assertWellFormedIds(params: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string" && !isWellFormedId(value)) {
      throw new AppError("invalid_input", `The ${name} in the address is not valid.`, { reason: "invalid_id" });
    }
  }
}
