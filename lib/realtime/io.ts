// The one Socket.io server of the process, reachable from route handlers and jobs. server.ts
// creates it; it lives on globalThis because Next's bundles load this module separately.
import type { Server } from "socket.io";
import { serverEvents, type ServerEventName, type ServerEventPayload } from "@/lib/realtime/events";

const holder = globalThis as unknown as { __io?: Server };

export function setRealtimeServer(server: Server | undefined): void {
  holder.__io = server;
}

export function realtimeServer(): Server | undefined {
  return holder.__io;
}

/** Emits to rooms after validating the payload; a no-op when no realtime server runs (scripts). */
export function emitTo<E extends ServerEventName>(roomNames: string[], event: E, payload: ServerEventPayload<E>) {
  const io = holder.__io;
  if (!io || roomNames.length === 0) return;
  io.to(roomNames).emit(event, serverEvents[event].parse(payload));
}
