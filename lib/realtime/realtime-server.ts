// The app's Socket.io server: one per process, attached to the HTTP server, with its handshake
// checks (the page's origin, then the session) and the inbox tabs' presence installed. The start-up
// and the tests make it here, so both run the same checks. With an adapter (realtime-adapter.ts) its
// publications reach the sockets of every process.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { comesFromOrigin } from "@/lib/http/same-origin";
import { installSocketAuth } from "@/lib/realtime/socket-auth";
import { installInboxPresence } from "@/lib/realtime/inbox-presence";
import type { RealtimeAdapter } from "@/lib/realtime/realtime-adapter";
import type { Emission, RealtimeServer } from "@/lib/realtime/io";

/** The server-side event that carries a batch of emissions to the other processes. */
const PUBLISHED = "realtime:published";

function deliverLocally(io: Server, emissions: Emission[]): void {
  for (const { rooms, event, payload } of emissions) io.local.to(rooms).emit(event, payload);
}

export function createRealtimeServer(httpServer: HttpServer, appOrigin: string, adapter?: RealtimeAdapter): RealtimeServer {
  const io = new Server(httpServer, {
    serveClient: false,
    ...(adapter ? { adapter: adapter.factory } : {}),
    // WebSockets are not bound by CORS: a page of another site could open one with the visitor's
    // cookie and listen to the inbox. Browsers always send Origin on the handshake, so it decides.
    allowRequest: (request, callback) =>
      callback(null, comesFromOrigin({ origin: request.headers.origin ?? null, referer: null }, appOrigin)),
  });
  installSocketAuth(io);
  installInboxPresence(io);
  // Packets sent while this process could not hear the others are gone: its browsers catch up.
  adapter?.onRelinked(() => io.local.emit("realtime:resync", {}));

  // A batch becomes one server-side packet, and each process fans it out to its own sockets:
  // emitting each event through the adapter would send one packet (one NOTIFY) per row.
  if (!adapter) return { io, publish: (emissions) => deliverLocally(io, emissions), isLinked: async () => true };
  io.on(PUBLISHED, (emissions: Emission[]) => deliverLocally(io, emissions));
  return {
    io,
    isLinked: () => adapter.isLinked(),
    publish: (emissions) => {
      deliverLocally(io, emissions);
      if (adapter.othersMayListen()) io.serverSideEmit(PUBLISHED, emissions);
    },
  };
}
