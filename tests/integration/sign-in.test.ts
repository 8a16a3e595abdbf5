import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
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
    expect(await db().loginAttempt.count()).toBe(4);
  });

  it("refuses a malformed body without touching the database", async () => {
    expect(await verifyCredentials({ email: "not-an-email" }, undefined)).toEqual({ ok: false, reason: "invalid_input" });
    expect(await db().loginAttempt.count()).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    await db().user.update({ where: { email: "an@shop.vn" }, data: { active: false } });
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, undefined)).toMatchObject({ ok: false });
  });

  it("throttles after ten failures, even with the right password", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      await verifyCredentials({ email: "an@shop.vn", password: `wrong-${attempt}` }, "10.0.0.9");
    }
    expect(await verifyCredentials({ email: "an@shop.vn", password: "dung-roi-123" }, "10.0.0.2")).toEqual({ ok: false, reason: "rate_limited" });
  });
});
