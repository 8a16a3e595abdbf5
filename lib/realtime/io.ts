// The process's way to reach browsers: route handlers, jobs and the webhook worker thread publish
// events here. On the main thread it is the Socket.io server (server.ts creates it); in the webhook
// worker thread, a relay to the main thread (webhook-worker.ts). Both live on globalThis because
// Next's bundles load this module separately.
import type { Server } from "socket.io";
import { serverEvents, type ServerEventName, type ServerEventPayload } from "@/lib/realtime/events";

/** One event for some rooms. */
export type Emission = { [E in ServerEventName]: { rooms: string[]; event: E; payload: ServerEventPayload<E> } }[ServerEventName];

/** Delivers validated emissions, all of them together (one adapter packet for the batch). */
export type Publish = (emissions: Emission[]) => void;

const holder = globalThis as unknown as { __io?: Server; __publish?: Publish };

/** Main thread: the Socket.io server and how it publishes to every process (realtime-server.ts). */
export function setRealtimeServer(server: { io: Server; publish: Publish } | undefined): void {
  holder.__io = server?.io;
  holder.__publish = server?.publish;
}

/** A thread without a Socket.io server of its own: where its emissions go instead. */
export function setRealtimePublisher(publish: Publish | undefined): void {
  holder.__io = undefined;
  holder.__publish = publish;
}

export function realtimeServer(): Server | undefined {
  return holder.__io;
}

/** Whether anything would receive an emission (false in scripts and in tests without a server). */
export function isPublishing(): boolean {
  return holder.__publish !== undefined;
}

/**
 * Validates every payload, then publishes the batch at once: a caller with many changes (the
 * webhook processor) sends one cross-process packet instead of one per row. A no-op when nothing
 * publishes (scripts).
 */
export function publish(emissions: Emission[]): void {
  const publishNow = holder.__publish;
  if (!publishNow) return;
  const due = emissions
    .filter((emission) => emission.rooms.length > 0)
    .map((emission) => ({ ...emission, payload: serverEvents[emission.event].parse(emission.payload) }) as Emission);
  if (due.length > 0) publishNow(due);
}

/** Already validated emissions from another thread of this process (the webhook worker). */
export function relayPublished(emissions: Emission[]): void {
  holder.__publish?.(emissions);
}

/** Emits one event to rooms after validating the payload. */
export function emitTo<E extends ServerEventName>(roomNames: string[], event: E, payload: ServerEventPayload<E>): void {
  publish([{ rooms: roomNames, event, payload } as Emission]);
}
