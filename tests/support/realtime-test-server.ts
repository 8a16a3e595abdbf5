// A real Socket.io server (with the app's socket auth) installed as the app's realtime server, and
// signed-in client sockets, for tests that check who hears about what.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRealtimeServer } from "../../lib/realtime/realtime-server";
import { setRealtimeServer } from "../../lib/realtime/io";
import type { RealtimeAdapter } from "../../lib/realtime/realtime-adapter";
import { connected, openSocket, sessionCookie, type SignedInUser } from "./socket-client";

export interface RealtimeTestServer {
  /** A client signed in as `user` (a new session, unless `sessionId` names one), once the server has let it in. */
  connectAs(user: SignedInUser, sessionId?: string): Promise<Socket>;
  /** A client sending `cookie` (or no cookie) and `origin` (or none), not waiting to be let in: for the refusals. */
  open(cookie?: string, origin?: string): Socket;
  /** Closes every client opened so far. */
  disconnectAll(): void;
  close(): Promise<void>;
}

/** The app's origin as the server under test knows it (APP_URL); pages of other origins are refused. */
export const REALTIME_TEST_APP_ORIGIN = "http://localhost:3000";

/**
 * With an adapter, several of these share events like the app's processes do; `install: false`
 * leaves the app's publishing to another one (a test with two servers picks the publishing one).
 */
export async function startRealtimeTestServer(options: { adapter?: RealtimeAdapter; install?: boolean } = {}): Promise<RealtimeTestServer> {
  const httpServer = createServer();
  const realtime = createRealtimeServer(httpServer, REALTIME_TEST_APP_ORIGIN, options.adapter);
  const { io } = realtime;
  const install = options.install ?? true;
  if (install) setRealtimeServer(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  const open = (cookie?: string, origin?: string) => {
    const socket = openSocket(url, cookie, origin);
    sockets.push(socket);
    return socket;
  };
  const disconnectAll = () => sockets.splice(0).forEach((socket) => socket.close());
  return {
    connectAs: async (user, sessionId) => connected(open(await sessionCookie(user, sessionId))),
    open,
    disconnectAll,
    async close() {
      disconnectAll();
      if (install) setRealtimeServer(undefined);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/**
 * One server for a whole test file (started before its tests, closed after them), with the clients a
 * test opened closed after it; `onServer` receives the server once it listens.
 */
export function realtimeTestServerHooks(onServer: (server: RealtimeTestServer) => void): void {
  let server: RealtimeTestServer | undefined;
  beforeAll(async () => {
    server = await startRealtimeTestServer();
    onServer(server);
  });
  afterAll(() => server?.close());
  afterEach(() => server?.disconnectAll());
}
