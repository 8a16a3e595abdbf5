// Injected faults, kept the same way by every emulator: numbered as they are added, used in that
// order, and each match uses up one of its `times`. What a fault matches and does is the platform's.
import { z } from "zod";

/** slow: how long the call stalls before being answered normally. */
export const faultDelayMsSchema = z.number().int().min(0).max(120_000).optional();
export const faultTimesSchema = z.number().int().min(1).max(10_000).default(1);

export interface CountedFault {
  id: number;
  remaining: number;
}

/** The part of a world that holds its faults. */
export interface FaultHolder<Fault extends CountedFault> {
  faults: Fault[];
  faultCounter: number;
}

export function addFault<Input extends { times: number }>(
  world: FaultHolder<Input & CountedFault>,
  input: Input,
): Input & CountedFault {
  const fault = { ...input, id: ++world.faultCounter, remaining: input.times };
  world.faults.push(fault);
  return fault;
}

/** The oldest fault that `matches`, used up once; undefined when none matches. */
export function takeFault<Fault extends CountedFault>(
  world: FaultHolder<Fault>,
  matches: (fault: Fault) => boolean,
): Fault | undefined {
  const index = world.faults.findIndex(matches);
  const fault = world.faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) world.faults.splice(index, 1);
  return fault;
}
