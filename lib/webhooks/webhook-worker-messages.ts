// What the main thread and the webhook worker thread say to each other.
import type { Emission } from "@/lib/realtime/io";

export type ToWorker = { kind: "wake" } | { kind: "stop" };

/**
 * "publish": a validated batch for the main thread's Socket.io server to send to every process;
 * "lead": whether the processor leads the processing now (webhook-queue-signal.ts).
 */
export type ToMainThread = { kind: "publish"; emissions: Emission[] } | { kind: "lead"; leads: boolean } | { kind: "stopped" };
