// The order a process stops in when several share the load (SIGTERM from an orchestrator, Ctrl-C):
//   1. not ready: /api/ready answers 503, and new connections are refused, so the balancer sends
//      new requests and sockets to the other processes;
//   2. requests being answered finish, then background work does (running jobs, the webhook
//      batch in progress), still publishing through the adapter to every process;
//   3. sockets close without a "you are signed out" reason, so browsers reconnect to another
//      process and catch up there;
//   4. the rest (adapter, database) goes.
import type { Server as HttpServer } from "node:http";
import type { Server as SocketServer } from "socket.io";
import type { InFlightRequests } from "@/lib/server/in-flight-requests";
import { setServerPhase } from "@/lib/server/server-phase";

/** Requests still unanswered after this are cut off with the process. */
const REQUEST_DRAIN_LIMIT_MS = 15_000;

export interface RunningServer {
  httpServer?: HttpServer;
  requests?: InFlightRequests;
  /** Lets running background work finish and stops it. */
  finishWork: () => Promise<void>;
  io?: SocketServer;
  /** What goes last: the adapter, the database, what started them. */
  closeRest: () => Promise<void>;
}

export async function shutDown(running: RunningServer): Promise<void> {
  setServerPhase("stopping");
  // Stops listening; the callback (not awaited) would wait for the sockets, which close in step 3.
  running.httpServer?.close(() => {});
  running.httpServer?.closeIdleConnections();
  await running.requests?.settled(REQUEST_DRAIN_LIMIT_MS);
  await running.finishWork();
  const io = running.io;
  // Closes every transport: clients see "transport close" and reconnect (an explicit
  // disconnect would tell them their session ended).
  if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
  await running.closeRest();
}
