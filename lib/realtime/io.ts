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

/** The main thread's Socket.io server with its adapter (realtime-server.ts). */
export interface RealtimeServer {
  io: Server;
  /** Delivers a batch on this process and sends it to the others as one packet. */
  publish: Publish;
  /** Whether this process hears the others (always, when it runs alone). */
  isLinked(): Promise<boolean>;
}

const holder = globalThis as unknown as { __realtime?: RealtimeServer; __publish?: Publish };

export function setRealtimeServer(server: RealtimeServer | undefined): void {
  holder.__realtime = server;
  holder.__publish = server?.publish;
}

/** A thread without a Socket.io server of its own: where its emissions go instead. */
export function setRealtimePublisher(publish: Publish | undefined): void {
  holder.__realtime = undefined;
  holder.__publish = publish;
}

export function realtimeServer(): Server | undefined {
  return holder.__realtime?.io;
}

/** Whether a Socket.io server runs here and hears the other processes (readiness). */
export async function realtimeLinked(): Promise<boolean> {
  return (await holder.__realtime?.isLinked().catch(() => false)) ?? false;
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
