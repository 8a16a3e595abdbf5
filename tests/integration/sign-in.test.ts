// Checking an email and password for sign-in, and the limits on guessing them, against real PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { recordLoginFailure } from "@/lib/auth/login-throttle";
import { startSession } from "@/lib/auth/start-session";
import { changePassword } from "@/lib/account/change-password";
import { resetDatabase } from "../support/reset-database";
import { createUser, createWorkspace } from "../support/assignment-fixtures";

beforeEach(async () => {
  await resetDatabase();
  const { workspaceId } = await createWorkspace();
  await createUser(workspaceId, { email: "an@shop.vn", name: "An", role: "agent", password: "dung-roi-123" });
});

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const result = await verifyCredentials({ email: " AN@shop.vn ", password: "dung-roi-123" }, "10.0.0.1");
    expect(result.ok && result.user.email).toBe("an@shop.vn");
  });

  it("gives the same answer for a wrong password and an unknown email, and records both", async () => {
    expect(await verifyCredentials({ email: "an@shop.vn", password: "sai" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await verifyCredentials({ email: "ai@shop.vn", password: "sai" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid_credentials" });
    // Each failure counts for the account from that address, the account, and the address.
    expect(await db().loginAttempt.count()).toBe(6);
  });

  it("refuses a malformed body without touching the database", async () => {
    expect(await verifyCredentials({ email: "not-an-email" }, undefined)).toEqual({ ok: false, reason: "invalid_input" });
    expect(await db().loginAttempt.count()).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    await db().user.update({ where: { email: "an@shop.vn" }, data: { active: false } });
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, undefined)).toMatchObject({ ok: false });
  });

});

describe("item 5: throttling that cannot be dodged", () => {
  const guess = (attempt: number, address: string) => verifyCredentials({ email: "an@shop.vn", password: `wrong-${attempt}` }, address);

  it("ten failures lock the account from that address, even with the right password, but not its owner elsewhere", async () => {
    for (let attempt = 0; attempt < 10; attempt++) await guess(attempt, "198.51.100.9");
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "198.51.100.9")).toEqual({ ok: false, reason: "rate_limited" });
    const owner = await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "203.0.113.20");
    expect(owner.ok && owner.user.email).toBe("an@shop.vn");
  });

  it("guesses spread over many addresses meet the account's looser ceiling", async () => {
    for (let attempt = 0; attempt < 100; attempt++) await recordLoginFailure("an@shop.vn", `198.51.100.${attempt}`);
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "203.0.113.20")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("the owner's success forgets only their own address's failures", async () => {
    for (let attempt = 0; attempt < 9; attempt++) await guess(attempt, "198.51.100.9");
    await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "203.0.113.20");
    await guess(9, "198.51.100.9");
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "198.51.100.9")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("guesses at the current password on a password change are throttled like sign-in, and count with it", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "an@shop.vn" }, select: { id: true, email: true, name: true, role: true, workspaceId: true } });
    const session = { user, sessionId: await startSession(user.id) };
    for (let attempt = 0; attempt < 5; attempt++) await guess(attempt, "198.51.100.9");
    for (let attempt = 5; attempt < 10; attempt++) {
      await expect(changePassword(session, { currentPassword: `wrong-${attempt}`, newPassword: "doan-mo-456" }, "198.51.100.9")).rejects.toMatchObject({ code: "invalid_input" });
    }
    await expect(changePassword(session, { currentPassword: "dung-roi-123", newPassword: "doan-mo-456" }, "198.51.100.9")).rejects.toMatchObject({ code: "rate_limited" });
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "198.51.100.9")).toEqual({ ok: false, reason: "rate_limited" });
    await changePassword(session, { currentPassword: "dung-roi-123", newPassword: "doan-mo-456" }, "203.0.113.20");
    expect((await verifyCredentials({ email: "an@shop.vn", password: "doan-mo-456" }, "203.0.113.20")).ok).toBe(true);
  });
});
