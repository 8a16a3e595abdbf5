// The realtime channel: no session, no socket; with a session, events reach the user's room.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName, type SessionUser } from "@/lib/auth/session-token";
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { resetDatabase } from "../support/reset-database";
import { createStaff, createWorkspace } from "../support/assignment-fixtures";
import { connected, sessionCookie } from "../support/socket-client";
import { REALTIME_TEST_APP_ORIGIN, startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

let realtime: RealtimeTestServer;
let user: SessionUser;

beforeAll(async () => {
  await resetDatabase();
  const { workspaceId } = await createWorkspace();
  [user] = (await createStaff(workspaceId, 1)) as [SessionUser];
  realtime = await startRealtimeTestServer();
});

afterAll(() => realtime.close());

describe("socket authentication", () => {
  it("refuses a connection without a session", async () => {
    const error = await new Promise<Error>((resolve) => realtime.open().on("connect_error", resolve));
    expect(error.message).toBe("unauthenticated");
  });

  it("refuses a forged or outdated session", async () => {
    const forged = await new Promise<Error>((resolve) => realtime.open(`${sessionCookieName()}=not-a-jwt`).on("connect_error", resolve));
    expect(forged.message).toBe("unauthenticated");
    const outdated = await new Promise<Error>((resolve) =>
      sessionCookie(user, "a-session-that-ended").then((cookie) => realtime.open(cookie).on("connect_error", resolve)),
    );
    expect(outdated.message).toBe("unauthenticated");
  });

  it("with a session, receives an event emitted to its user room", async () => {
    const socket = await realtime.connectAs(user);
    const received = new Promise((resolve) => socket.on("system:ping", resolve));
    emitTo([rooms.user(user.id)], "system:ping", { at: "2026-11-27T00:00:00.000Z" });
    await expect(received).resolves.toEqual({ at: "2026-11-27T00:00:00.000Z" });
  });

  it("item 2: refuses a handshake from a page of another origin, even with a valid session", async () => {
    const cookie = await sessionCookie(user);
    const foreign = realtime.open(cookie, "http://localhost:4000");
    const refused = await new Promise<boolean>((resolve) => {
      foreign.on("connect", () => resolve(false));
      foreign.on("connect_error", () => resolve(true));
    });
    expect(refused).toBe(true);
    const own = await connected(realtime.open(cookie, REALTIME_TEST_APP_ORIGIN));
    expect(own.connected).toBe(true);
  });
});
