// The realtime channel: no session, no socket; with a session, events reach the user's room.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { sessionCookieName } from "@/lib/auth/session-token";
import { installSocketAuth } from "@/lib/realtime/socket-auth";
import { emitTo, setRealtimeServer } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { resetDatabase } from "../support/reset-database";

let httpServer: HttpServer;
let url: string;
let userId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  await resetDatabase();
  const workspace = await db().workspace.create({ data: { name: "Shop" } });
  const user = await db().user.create({
    data: { workspaceId: workspace.id, email: "ha@shop.vn", name: "Hà", role: "agent", passwordHash: await hashPassword("x-pass-123") },
  });
  userId = user.id;
  httpServer = createServer();
  const io = new Server(httpServer);
  installSocketAuth(io);
  setRealtimeServer(io);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  setRealtimeServer(undefined);
  await new Promise((resolve) => httpServer.close(resolve));
});

function open(cookie?: string): Socket {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
  sockets.push(socket);
  return socket;
}

async function sessionCookie(claims: { sub: string; sessionVersion: number }): Promise<string> {
  const token = await encode({ token: { ...claims, role: "agent", workspaceId: "" }, secret: env().NEXTAUTH_SECRET });
  return `${sessionCookieName()}=${token}`;
}

describe("socket authentication", () => {
  it("refuses a connection without a session", async () => {
    const error = await new Promise<Error>((resolve) => open().on("connect_error", resolve));
    expect(error.message).toBe("unauthenticated");
  });

  it("refuses a forged or outdated session", async () => {
    const forged = await new Promise<Error>((resolve) => open(`${sessionCookieName()}=not-a-jwt`).on("connect_error", resolve));
    expect(forged.message).toBe("unauthenticated");
    const outdated = await new Promise<Error>((resolve) =>
      sessionCookie({ sub: userId, sessionVersion: 5 }).then((cookie) => open(cookie).on("connect_error", resolve)),
    );
    expect(outdated.message).toBe("unauthenticated");
  });

  it("with a session, receives an event emitted to its user room", async () => {
    const socket = open(await sessionCookie({ sub: userId, sessionVersion: 0 }));
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    const received = new Promise((resolve) => socket.on("system:ping", resolve));
    emitTo([rooms.user(userId)], "system:ping", { at: "2026-11-27T00:00:00.000Z" });
    await expect(received).resolves.toEqual({ at: "2026-11-27T00:00:00.000Z" });
  });
});
