// A real Socket.io server (with the app's socket auth) installed as the app's realtime server, and
// signed-in client sockets, for tests that check who hears about what.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { env } from "../../lib/env";
import { sessionCookieName } from "../../lib/auth/session-token";
import { installSocketAuth } from "../../lib/realtime/socket-auth";
import { setRealtimeServer } from "../../lib/realtime/io";

export interface RealtimeTestServer {
  connectAs(user: { id: string; role: "admin" | "agent"; workspaceId: string }): Promise<Socket>;
  close(): Promise<void>;
}

export async function startRealtimeTestServer(): Promise<RealtimeTestServer> {
  const httpServer: HttpServer = createServer();
  const io = new Server(httpServer);
  installSocketAuth(io);
  setRealtimeServer(io);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    async connectAs(user) {
      const claims = { sub: user.id, sessionVersion: 0, role: user.role, workspaceId: user.workspaceId };
      const token = await encode({ token: claims, secret: env().NEXTAUTH_SECRET });
      const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie: `${sessionCookieName()}=${token}` }, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.on("connect", () => resolve());
        socket.on("connect_error", reject);
      });
      return socket;
    },
    async close() {
      sockets.forEach((socket) => socket.close());
      setRealtimeServer(undefined);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
