// Issue 9, item 1: sessions end when they should. Real Socket.io clients against real PostgreSQL:
// once the function that changes an account returns, the sockets it concerns are closed, nothing
// reaches them afterwards, and the cookies that ended no longer authenticate (pages, API, sockets
// all ask sessionFromToken).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { db } from "@/lib/db";
import { sessionFromToken, type SessionUser } from "@/lib/auth/session-token";
import { endSessions } from "@/lib/auth/end-sessions";
import { changePassword } from "@/lib/account/change-password";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { createPasswordResetLink } from "@/lib/staff/create-password-reset-link";
import { createRule } from "@/lib/assignment/save-rule";
import { publishConversation } from "@/lib/inbox/publish-changes";
import { emitTo, realtimeServer } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createUser, receiveNewConversation } from "../support/assignment-fixtures";
import { cookieHeader, connected } from "../support/socket-client";
import { signInThroughNextAuth, signOutThroughNextAuth } from "../support/next-auth-client";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

let realtime: RealtimeTestServer;
let admin: SessionUser;
let ha: SessionUser;
let workspaceId: string;
let channelId: string;

beforeAll(async () => {
  realtime = await startRealtimeTestServer();
});
afterAll(() => realtime.close());

beforeEach(async () => {
  realtime.disconnectAll();
  await resetDatabase();
  workspaceId = (await db().workspace.create({ data: { name: "Shop" } })).id;
  admin = await createUser(workspaceId, { email: "admin@shop.vn", name: "Admin", role: "admin", password: "admin-pass-1" });
  ha = await createUser(workspaceId, { email: "ha@shop.vn", name: "Hà", password: "ha-pass-123" });
  channelId = await createChannel(workspaceId, admin.id);
  await createRule(admin, {
    name: "Tự nhận",
    sourceChannelIds: [channelId],
    memberEmails: ["ha@shop.vn"],
    method: "self_claim",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
  });
});

/** A browser signed in as `email` through next-auth, with its open socket. */
async function device(email: string, password: string) {
  const token = await signInThroughNextAuth(email, password);
  const socket = await connected(realtime.open(cookieHeader(token)));
  const events: string[] = [];
  socket.onAny((event: string) => events.push(event));
  const closedBy = new Promise<string>((resolve) => socket.on("disconnect", resolve));
  return { token, socket, events, closedBy };
}

/** Sockets the server still holds in a room, right now. */
async function socketsIn(room: string): Promise<number> {
  return (await realtimeServer()!.in(room).fetchSockets()).length;
}

async function refused(token: string): Promise<string> {
  return new Promise((resolve) => realtime.open(cookieHeader(token)).on("connect_error", (error) => resolve(error.message)));
}

/** A customer writes: a new conversation in the self-claim queue of Hà's rule, published as the webhook publishes it. */
async function customerWrites(): Promise<string> {
  const id = await receiveNewConversation(channelId);
  await publishConversation(id);
  return id;
}

/** Resolves once `socket` has received everything emitted before this call (events on one socket keep their order). */
async function drained(socket: Socket, userId: string): Promise<void> {
  const ping = new Promise((resolve) => socket.once("system:ping", resolve));
  emitTo([rooms.user(userId)], "system:ping", { at: new Date().toISOString() });
  await ping;
}

describe("item 1: sessions end when they should", () => {
  it("deactivating an agent closes her open socket before the call returns; later customer messages never reach it", async () => {
    const agent = await device("ha@shop.vn", "ha-pass-123");
    const adminDevice = await device("admin@shop.vn", "admin-pass-1");

    await setStaffActive(admin, ha.id, false);

    expect(await socketsIn(rooms.user(ha.id))).toBe(0);
    expect(await agent.closedBy).toBe("io server disconnect");
    const heard = new Promise((resolve) => adminDevice.socket.once("conversation:upsert", resolve));
    await customerWrites();
    await heard;
    expect(agent.events).toEqual([]);
    expect(await sessionFromToken(agent.token)).toBeNull();
    expect(await refused(agent.token)).toBe("unauthenticated");
  });

  it("queue events stop going to an inactive rule member, even to a socket nobody closed (e.g. held by another process)", async () => {
    const agent = await device("ha@shop.vn", "ha-pass-123");
    await customerWrites();
    await drained(agent.socket, ha.id);
    expect(agent.events).toContain("conversation:upsert");
    agent.events.length = 0;

    await db().user.update({ where: { id: ha.id }, data: { active: false } });
    await customerWrites();
    await drained(agent.socket, ha.id);
    expect(agent.events).toEqual(["system:ping"]);
  });

  it("demoting an admin closes his sockets at once; he comes back an agent, outside the admins' room", async () => {
    const minh = await createUser(workspaceId, { email: "minh@shop.vn", name: "Minh", role: "admin", password: "minh-pass-1" });
    const minhDevice = await device("minh@shop.vn", "minh-pass-1");
    expect(await socketsIn(rooms.admins(workspaceId))).toBe(1);

    await setStaffRole(admin, minh.id, "agent");

    expect(await socketsIn(rooms.admins(workspaceId))).toBe(0);
    expect(await minhDevice.closedBy).toBe("io server disconnect");
    const again = await connected(realtime.open(cookieHeader(minhDevice.token)));
    const events: string[] = [];
    again.onAny((event: string) => events.push(event));
    emitTo([rooms.admins(workspaceId)], "system:ping", { at: "2026-12-03T00:00:00.000Z" });
    await drained(again, minh.id);
    expect(events).toEqual(["system:ping"]);
    expect(await db().user.findUniqueOrThrow({ where: { id: minh.id } })).toMatchObject({ role: "agent" });
  });

  it("the last active admin cannot demote himself; another admin can be demoted", async () => {
    await expect(setStaffRole(admin, admin.id, "agent")).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { role: ["last_admin"] } });
    const minh = await createUser(workspaceId, { email: "minh@shop.vn", name: "Minh", role: "admin" });
    await setStaffRole(minh, admin.id, "agent");
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "agent" });
  });

  it("Đăng xuất ends this device's session for good: its cookie, even copied, no longer authenticates", async () => {
    const phone = await device("ha@shop.vn", "ha-pass-123");
    const laptop = await device("ha@shop.vn", "ha-pass-123");

    await signOutThroughNextAuth(phone.token);

    expect(await phone.closedBy).toBe("io server disconnect");
    expect(await sessionFromToken(phone.token)).toBeNull();
    expect(await refused(phone.token)).toBe("unauthenticated");
    expect(laptop.socket.connected).toBe(true);
    expect(await sessionFromToken(laptop.token)).toMatchObject({ user: { id: ha.id } });
  });

  it("Đăng xuất khỏi mọi thiết bị ends every session of the user", async () => {
    const phone = await device("ha@shop.vn", "ha-pass-123");
    const laptop = await device("ha@shop.vn", "ha-pass-123");

    await endSessions({ userId: ha.id });

    expect(await socketsIn(rooms.user(ha.id))).toBe(0);
    await Promise.all([phone.closedBy, laptop.closedBy]);
    for (const { token } of [phone, laptop]) {
      expect(await sessionFromToken(token)).toBeNull();
      expect(await refused(token)).toBe("unauthenticated");
    }
  });

  it("issue 12: an admin's password reset link ends every session of the employee and closes her sockets at once", async () => {
    const phone = await device("ha@shop.vn", "ha-pass-123");
    const laptop = await device("ha@shop.vn", "ha-pass-123");

    await createPasswordResetLink(admin, ha.id);

    expect(await socketsIn(rooms.user(ha.id))).toBe(0);
    await Promise.all([phone.closedBy, laptop.closedBy]);
    for (const { token } of [phone, laptop]) {
      expect(await sessionFromToken(token)).toBeNull();
      expect(await refused(token)).toBe("unauthenticated");
    }
  });

  it("a password change keeps the device that made it and ends the others", async () => {
    const phone = await device("ha@shop.vn", "ha-pass-123");
    const laptop = await device("ha@shop.vn", "ha-pass-123");
    const laptopSession = (await sessionFromToken(laptop.token))!;

    await changePassword(laptopSession, { currentPassword: "ha-pass-123", newPassword: "ha-new-pass-456" }, "203.0.113.10");

    expect(await phone.closedBy).toBe("io server disconnect");
    expect(await sessionFromToken(phone.token)).toBeNull();
    expect(await refused(phone.token)).toBe("unauthenticated");
    await drained(laptop.socket, ha.id);
    expect(laptop.socket.connected).toBe(true);
    expect(await sessionFromToken(laptop.token)).toMatchObject({ user: { id: ha.id }, sessionId: laptopSession.sessionId });
  });
});
