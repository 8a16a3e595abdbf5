// Fault injection: the next matching Open API calls fail (or stall) the way Zalo's sometimes do, or
// the next sends deliver their echo before their HTTP answer.
import { z } from "zod";
import type { ZaloWorld } from "./world";
import { ZaloError, zaloErrors } from "./zalo-errors";

export const faultSchema = z.object({
  kind: z.enum(["server_error", "rate_limit", "slow", "echo_before_answer"]),
  /** slow: how long the call stalls before being answered normally. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  match: z
    .object({ path: z.string().min(1).optional(), oaId: z.string().min(1).optional() })
    .strict()
    .optional(),
  times: z.number().int().min(1).max(10_000).default(1),
});

export type FaultInput = z.infer<typeof faultSchema>;

export interface Fault extends FaultInput {
  id: number;
  remaining: number;
}

export function addFault(world: ZaloWorld, input: FaultInput): Fault {
  const fault: Fault = { ...input, id: ++world.faultCounter, remaining: input.times };
  world.faults.push(fault);
  return fault;
}

/** Faults that change how a call is answered, taken when the call arrives; the echo fault is the send's. */
export const CALL_FAULTS: ReadonlyArray<Fault["kind"]> = ["server_error", "rate_limit", "slow"];

/** Faults are used in the order they were added; each match uses up one of its `times`. */
export function takeFault(
  world: ZaloWorld,
  path: string,
  oaId: string | undefined,
  kinds: ReadonlyArray<Fault["kind"]>,
): Fault | undefined {
  const index = world.faults.findIndex(
    (f) =>
      kinds.includes(f.kind) &&
      (!f.match?.path || path.includes(f.match.path)) &&
      (!f.match?.oaId || f.match.oaId === oaId),
  );
  const fault = world.faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) world.faults.splice(index, 1);
  return fault;
}

/** The error a fault answers with; undefined for "slow", which only delays the real answer. */
export function faultError(fault: Fault): ZaloError | undefined {
  switch (fault.kind) {
    case "server_error":
      return zaloErrors.serverError();
    case "rate_limit":
      return zaloErrors.rateLimited();
    case "slow":
    case "echo_before_answer":
      return undefined;
  }
}
