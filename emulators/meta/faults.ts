// Fault injection: the next matching Graph calls fail (or stall) the way Facebook's sometimes do.
import { z } from "zod";
import { GraphError, graphErrors, RATE_LIMIT_CODES } from "./graph-errors";
import { accessTokenValue } from "./graph-request";
import type { RequestContext } from "../shared/http-router";
import type { World } from "./world";

export const faultSchema = z.object({
  kind: z.enum([
    "token_expired",
    "token_revoked",
    "permission_missing",
    "rate_limit",
    "server_error",
    "slow",
  ]),
  /** rate_limit: which throttle (4 app, 17 user, 32 page, 613 API); defaults to 4. */
  code: z.literal(RATE_LIMIT_CODES).optional(),
  /** slow: how long the call stalls before being answered normally. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  match: z
    .object({ path: z.string().min(1).optional(), pageId: z.string().min(1).optional() })
    .strict()
    .optional(),
  times: z.number().int().min(1).max(10_000).default(1),
});

export type FaultInput = z.infer<typeof faultSchema>;

export interface Fault extends FaultInput {
  id: number;
  remaining: number;
}

export function addFault(world: World, input: FaultInput): Fault {
  const fault: Fault = { ...input, id: ++world.faultCounter, remaining: input.times };
  world.faults.push(fault);
  return fault;
}

/** The page a Graph call is about: named in its path, owning the thread/message/PSID, or its token's. */
function requestPageId(world: World, ctx: RequestContext): string | undefined {
  const first = ctx.path.split("/").filter(Boolean)[0] ?? "";
  if (world.page(first)) return first;
  const owner =
    world.message(first)?.thread.pageId ?? world.thread(first)?.pageId ?? world.customer(first)?.pageId;
  if (owner) return owner;
  return world.tokens.get(accessTokenValue(ctx) ?? "")?.pageId;
}

/** Faults are used in the order they were added; each match uses up one of its `times`. */
export function takeFault(world: World, ctx: RequestContext): Fault | undefined {
  const pageId = requestPageId(world, ctx);
  const index = world.faults.findIndex(
    (f) =>
      (!f.match?.path || ctx.path.includes(f.match.path)) && (!f.match?.pageId || f.match.pageId === pageId),
  );
  const fault = world.faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) world.faults.splice(index, 1);
  return fault;
}

/** The error a fault answers with; undefined for "slow", which only delays the real answer. */
export function faultError(fault: Fault): GraphError | undefined {
  switch (fault.kind) {
    case "token_expired":
      return graphErrors.invalidToken("expired");
    case "token_revoked":
      return graphErrors.invalidToken("password_changed");
    case "permission_missing":
      return graphErrors.permissionDenied();
    case "rate_limit":
      return graphErrors.rateLimited(fault.code ?? 4);
    case "server_error":
      return graphErrors.serverError();
    case "slow":
      return undefined;
  }
}
