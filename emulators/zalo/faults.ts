// Fault injection: the next matching Open API calls fail (or stall) the way Zalo's sometimes do, or
// answer one of Zalo's refusals the world does not otherwise produce (the OA's tier, a user gone
// quiet for 45 days, -232), or the next sends deliver their echo before their HTTP answer.
import { z } from "zod";
import {
  takeFault as takeMatchingFault,
  type CountedFault,
  faultDelayMsSchema,
  faultTimesSchema,
} from "../shared/fault-queue";
import type { ZaloWorld } from "./world";
import { ZaloError, zaloErrors } from "./zalo-errors";

export const faultSchema = z.object({
  kind: z.enum(["server_error", "rate_limit", "slow", "echo_before_answer", "oa_tier_too_low", "user_inactive", "interaction_expired"]),
  delayMs: faultDelayMsSchema,
  match: z
    .object({ path: z.string().min(1).optional(), oaId: z.string().min(1).optional() })
    .strict()
    .optional(),
  times: faultTimesSchema,
});

export type FaultInput = z.infer<typeof faultSchema>;

export type Fault = FaultInput & CountedFault;

/** Faults that change how a call is answered, taken when the call arrives; the echo fault is the send's. */
export const CALL_FAULTS: ReadonlyArray<Fault["kind"]> = ["server_error", "rate_limit", "slow", "oa_tier_too_low", "user_inactive", "interaction_expired"];

/** The oldest fault of one of `kinds` that matches the call's path and OA. */
export function takeFault(
  world: ZaloWorld,
  path: string,
  oaId: string | undefined,
  kinds: ReadonlyArray<Fault["kind"]>,
): Fault | undefined {
  return takeMatchingFault(
    world,
    (f) =>
      kinds.includes(f.kind) &&
      (!f.match?.path || path.includes(f.match.path)) &&
      (!f.match?.oaId || f.match.oaId === oaId),
  );
}

/** The error a fault answers with; undefined for "slow", which only delays the real answer. */
export function faultError(fault: Fault): ZaloError | undefined {
  switch (fault.kind) {
    case "server_error":
      return zaloErrors.serverError();
    case "rate_limit":
      return zaloErrors.rateLimited();
    case "oa_tier_too_low":
      return zaloErrors.tierTooLow();
    case "user_inactive":
      return zaloErrors.userInactive();
    case "interaction_expired":
      return zaloErrors.interactionExpired();
    case "slow":
    case "echo_before_answer":
      return undefined;
  }
}
