// Fault injection: the next matching Graph calls fail (or stall) the way Facebook's sometimes do.
import { z } from "zod";
import {
  takeFault as takeMatchingFault,
  type CountedFault,
  faultDelayMsSchema,
  faultTimesSchema,
} from "../shared/fault-queue";
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
  delayMs: faultDelayMsSchema,
  match: z
    .object({ path: z.string().min(1).optional(), pageId: z.string().min(1).optional() })
    .strict()
    .optional(),
  times: faultTimesSchema,
});

export type FaultInput = z.infer<typeof faultSchema>;

export type Fault = FaultInput & CountedFault;

/** The page a Graph call is about: named in its path, owning the thread/message/PSID, or its token's. */
function requestPageId(world: World, ctx: RequestContext): string | undefined {
  const first = ctx.path.split("/").filter(Boolean)[0] ?? "";
  if (world.page(first)) return first;
  const owner =
    world.message(first)?.thread.pageId ?? world.thread(first)?.pageId ?? world.customer(first)?.pageId;
  if (owner) return owner;
  return world.tokens.get(accessTokenValue(ctx) ?? "")?.pageId;
}

/** The oldest fault that matches the call's path and page. */
export function takeFault(world: World, ctx: RequestContext): Fault | undefined {
  const pageId = requestPageId(world, ctx);
  return takeMatchingFault(
    world,
    (f) =>
      (!f.match?.path || ctx.path.includes(f.match.path)) && (!f.match?.pageId || f.match.pageId === pageId),
  );
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
