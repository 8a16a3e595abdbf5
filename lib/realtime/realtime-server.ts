// The app's Socket.io server: one per process, attached to the HTTP server, with its handshake
// checks (the page's origin, then the session) and the inbox tabs' presence installed. The start-up and the tests make it here,
// so both run the same checks.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { comesFromOrigin } from "@/lib/http/same-origin";
import { installSocketAuth } from "@/lib/realtime/socket-auth";
import { installInboxPresence } from "@/lib/realtime/inbox-presence";

export function createRealtimeServer(httpServer: HttpServer, appOrigin: string): Server {
  const io = new Server(httpServer, {
    serveClient: false,
    // WebSockets are not bound by CORS: a page of another site could open one with the visitor's
    // cookie and listen to the inbox. Browsers always send Origin on the handshake, so it decides.
    allowRequest: (request, callback) =>
      callback(null, comesFromOrigin({ origin: request.headers.origin ?? null, referer: null }, appOrigin)),
  });
  installSocketAuth(io);
  installInboxPresence(io);
  return io;
}
