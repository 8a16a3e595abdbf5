import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addStaffMember } from "@/lib/staff/add-staff-member";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { renameStaffMember } from "@/lib/staff/rename-staff-member";
import { changePassword } from "@/lib/account/change-password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { startSession } from "@/lib/auth/start-session";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";

let admin: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  const workspace = await db().workspace.create({ data: { name: "Shop" } });
  const created = await addStaffMember(workspace.id, { name: "Admin", email: "admin@shop.vn", role: "admin", password: "admin-pass-1" }, null);
  admin = { ...created, workspaceId: workspace.id };
});

describe("staff management", () => {
  it("adds a staff member who can then sign in", async () => {
    await addStaffMember(admin.workspaceId, { name: "Hà", email: "ha@shop.vn", role: "agent", password: "ha-pass-123" }, admin.id);
    const result = await verifyCredentials({ email: "ha@shop.vn", password: "ha-pass-123" }, undefined);
    expect(result.ok && result.user.role).toBe("agent");
  });

  it("refuses a second account with the same email and changes nothing", async () => {
    const attempt = addStaffMember(admin.workspaceId, { name: "Copy", email: "admin@shop.vn", role: "agent", password: "whatever-1" }, admin.id);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["email_taken"] } });
    expect(await db().user.count()).toBe(1);
  });

  it("deactivation ends the member's sessions; an admin cannot lock themselves out", async () => {
    const member = await addStaffMember(admin.workspaceId, { name: "Minh", email: "minh@shop.vn", role: "agent", password: "minh-pass-1" }, admin.id);
    await startSession(member.id);
    await setStaffActive(admin, member.id, false);
    expect(await db().user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ active: false });
    expect(await db().session.count({ where: { userId: member.id } })).toBe(0);
    await expect(setStaffActive(admin, admin.id, false)).rejects.toBeInstanceOf(AppError);
  });

  it("cannot touch a member of another workspace", async () => {
    const other = await db().workspace.create({ data: { name: "Other" } });
    const stranger = await addStaffMember(other.id, { name: "X", email: "x@other.vn", role: "agent", password: "x-pass-123" }, null);
    await expect(setStaffActive(admin, stranger.id, false)).rejects.toMatchObject({ code: "not_found" });
    expect((await db().user.findUniqueOrThrow({ where: { id: stranger.id } })).active).toBe(true);
  });

  it("changes a password only with the current one, and ends the other sessions", async () => {
    const here = { user: admin, sessionId: await startSession(admin.id) };
    const elsewhere = await startSession(admin.id);
    await expect(changePassword(here, { currentPassword: "nope", newPassword: "new-pass-123" }, undefined)).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["wrong_password"] },
    });
    await changePassword(here, { currentPassword: "admin-pass-1", newPassword: "new-pass-123" }, undefined);
    expect((await verifyCredentials({ email: "admin@shop.vn", password: "new-pass-123" }, undefined)).ok).toBe(true);
    expect(await db().session.findMany({ where: { id: { in: [here.sessionId, elsewhere] } }, select: { id: true } })).toEqual([{ id: here.sessionId }]);
  });

  it("renames a member; the history keeps the name they had", async () => {
    const member = await addStaffMember(admin.workspaceId, { name: "Minh", email: "minh@shop.vn", role: "agent", password: "minh-pass-1" }, admin.id);
    await renameStaffMember(admin, member.id, "Trần Đức Minh");
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).name).toBe("Trần Đức Minh");
    expect(await db().staffChange.findFirst({ where: { kind: "renamed" }, select: { targetName: true, detail: true, actorUserId: true } })).toEqual({
      targetName: "Minh",
      detail: "Trần Đức Minh",
      actorUserId: admin.id,
    });
  });
});

describe("the last active admin", () => {
  it("two admins demoting each other at once: one stays admin", async () => {
    const other = await addStaffMember(admin.workspaceId, { name: "Hai", email: "hai@shop.vn", role: "admin", password: "hai-pass-123" }, admin.id);
    const otherAdmin = { ...other, workspaceId: admin.workspaceId };
    const results = await Promise.allSettled([setStaffRole(admin, other.id, "agent"), setStaffRole(otherAdmin, admin.id, "agent")]);
    expect(results.map(({ status }) => status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { fieldErrors: { role: ["last_admin"] } } });
    expect(await db().user.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  it("two admins deactivating each other at once: one stays active", async () => {
    const other = await addStaffMember(admin.workspaceId, { name: "Hai", email: "hai@shop.vn", role: "admin", password: "hai-pass-123" }, admin.id);
    const otherAdmin = { ...other, workspaceId: admin.workspaceId };
    const results = await Promise.allSettled([setStaffActive(admin, other.id, false), setStaffActive(otherAdmin, admin.id, false)]);
    expect(results.map(({ status }) => status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().user.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  it("cannot be demoted by himself", async () => {
    await expect(setStaffRole(admin, admin.id, "agent")).rejects.toMatchObject({ fieldErrors: { role: ["last_admin"] } });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});
