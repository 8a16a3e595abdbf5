import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addStaffMember } from "@/lib/staff/add-staff-member";
import { inviteStaffMember } from "@/lib/staff/invite-staff-member";
import { resendInvitation } from "@/lib/staff/resend-invitation";
import { revokeInvitation } from "@/lib/staff/revoke-invitation";
import { createPasswordResetLink } from "@/lib/staff/create-password-reset-link";
import { redeemStaffLink, redeemStaffLinkSchema } from "@/lib/staff/redeem-staff-link";
import { readStaffLink } from "@/lib/staff/read-staff-link";
import { listPendingInvitations } from "@/lib/staff/list-invitations";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { startSession } from "@/lib/auth/start-session";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";

let admin: SessionUser;

/** The token at the end of a link the app handed out. */
const tokenOf = (link: string) => link.split("/").at(-1)!;

async function canSignIn(email: string, password: string): Promise<boolean> {
  return (await verifyCredentials({ email, password }, undefined)).ok;
}

beforeEach(async () => {
  await resetDatabase();
  const workspace = await db().workspace.create({ data: { name: "Shop Hoa Mai" } });
  const created = await addStaffMember(workspace.id, { name: "Chủ", email: "chu@shop.vn", role: "admin", password: "chu-pass-2026" }, null);
  admin = { ...created, workspaceId: workspace.id };
});

describe("invitations", () => {
  it("an invitation link creates the account with the chosen password, and works once", async () => {
    const { link } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    expect(await readStaffLink(tokenOf(link))).toEqual({ ok: true, kind: "invitation", name: "Hà", email: "ha@shop.vn", shopName: "Shop Hoa Mai" });

    expect(await redeemStaffLink({ token: tokenOf(link), password: "ha-pass-2026" })).toEqual({ email: "ha@shop.vn" });
    expect(await canSignIn("ha@shop.vn", "ha-pass-2026")).toBe(true);
    expect(await db().user.findUniqueOrThrow({ where: { email: "ha@shop.vn" } })).toMatchObject({ role: "agent", workspaceId: admin.workspaceId });

    await expect(redeemStaffLink({ token: tokenOf(link), password: "other-pass-99" })).rejects.toMatchObject({ fieldErrors: { token: ["link_used"] } });
    expect(await canSignIn("ha@shop.vn", "other-pass-99")).toBe(false);
    expect(await readStaffLink(tokenOf(link))).toEqual({ ok: false, reason: "link_used" });
    expect(await listPendingInvitations(admin.workspaceId)).toEqual([]);
  });

  it("two submissions of one invitation at once create one account", async () => {
    const { link } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    const results = await Promise.allSettled(["ha-pass-2026", "ha-pass-2027", "ha-pass-2028"].map((password) => redeemStaffLink({ token: tokenOf(link), password })));
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email: "ha@shop.vn" } })).toBe(1);
  });

  it("refuses an expired, a revoked or a made-up link and changes nothing", async () => {
    const expired = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    await db().staffLink.updateMany({ where: { email: "ha@shop.vn" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await inviteStaffMember(admin, { name: "Minh", email: "minh@shop.vn", role: "agent" });
    await revokeInvitation(admin, revoked.invitation.id);

    await expect(redeemStaffLink({ token: tokenOf(expired.link), password: "ha-pass-2026" })).rejects.toMatchObject({ fieldErrors: { token: ["link_expired"] } });
    await expect(redeemStaffLink({ token: tokenOf(revoked.link), password: "minh-pass-2026" })).rejects.toMatchObject({ fieldErrors: { token: ["link_revoked"] } });
    await expect(redeemStaffLink({ token: "made-up", password: "minh-pass-2026" })).rejects.toMatchObject({ fieldErrors: { token: ["link_unknown"] } });
    expect(await db().user.count()).toBe(1);
  });

  it("resending gives a new link valid 7 days and kills the old one", async () => {
    const first = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "admin" });
    await db().staffLink.updateMany({ where: { email: "ha@shop.vn" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const second = await resendInvitation(admin, first.invitation.id);
    expect(second.link).not.toBe(first.link);
    expect(second.invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600 * 1000);

    await expect(redeemStaffLink({ token: tokenOf(first.link), password: "ha-pass-2026" })).rejects.toMatchObject({ fieldErrors: { token: ["link_unknown"] } });
    await redeemStaffLink({ token: tokenOf(second.link), password: "ha-pass-2026" });
    expect(await db().user.findUniqueOrThrow({ where: { email: "ha@shop.vn" } })).toMatchObject({ role: "admin" });
  });

  it("refuses to invite an email that has an account or a pending invitation", async () => {
    await expect(inviteStaffMember(admin, { name: "Copy", email: "chu@shop.vn", role: "agent" })).rejects.toMatchObject({ fieldErrors: { email: ["email_taken"] } });
    await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    await expect(inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" })).rejects.toMatchObject({ fieldErrors: { email: ["invitation_pending"] } });
    expect(await db().staffLink.count()).toBe(1);
  });

  it("an admin of another shop cannot revoke or resend this shop's invitations", async () => {
    const { invitation } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    const other = await db().workspace.create({ data: { name: "Other" } });
    const stranger = { ...admin, id: "stranger", workspaceId: other.id };
    await expect(revokeInvitation(stranger, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendInvitation(stranger, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listPendingInvitations(admin.workspaceId)).toHaveLength(1);
  });
});

describe("password reset links", () => {
  it("ends the employee's sessions and old password at once; the link sets a new password once", async () => {
    const ha = await addStaffMember(admin.workspaceId, { name: "Hà", email: "ha@shop.vn", role: "agent", password: "ha-pass-2026" }, admin.id);
    await startSession(ha.id);

    const { link } = await createPasswordResetLink(admin, ha.id);

    expect(await db().session.count({ where: { userId: ha.id } })).toBe(0);
    expect(await canSignIn("ha@shop.vn", "ha-pass-2026")).toBe(false);
    expect(await readStaffLink(tokenOf(link))).toMatchObject({ ok: true, kind: "password_reset", email: "ha@shop.vn" });

    await redeemStaffLink({ token: tokenOf(link), password: "ha-new-pass-1" });
    expect(await canSignIn("ha@shop.vn", "ha-new-pass-1")).toBe(true);
    await expect(redeemStaffLink({ token: tokenOf(link), password: "ha-new-pass-2" })).rejects.toMatchObject({ fieldErrors: { token: ["link_used"] } });
    expect(await canSignIn("ha@shop.vn", "ha-new-pass-2")).toBe(false);
  });

  it("only the newest reset link works", async () => {
    const ha = await addStaffMember(admin.workspaceId, { name: "Hà", email: "ha@shop.vn", role: "agent", password: "ha-pass-2026" }, admin.id);
    const first = await createPasswordResetLink(admin, ha.id);
    const second = await createPasswordResetLink(admin, ha.id);
    await expect(redeemStaffLink({ token: tokenOf(first.link), password: "ha-new-pass-1" })).rejects.toMatchObject({ fieldErrors: { token: ["link_revoked"] } });
    await redeemStaffLink({ token: tokenOf(second.link), password: "ha-new-pass-1" });
    expect(await canSignIn("ha@shop.vn", "ha-new-pass-1")).toBe(true);
  });

  it("a weak new password is refused before the link is spent", async () => {
    const ha = await addStaffMember(admin.workspaceId, { name: "Hà", email: "ha@shop.vn", role: "agent", password: "ha-pass-2026" }, admin.id);
    const { link } = await createPasswordResetLink(admin, ha.id);
    expect(redeemStaffLinkSchema.safeParse({ token: tokenOf(link), password: "password" }).success).toBe(false);
    expect(await readStaffLink(tokenOf(link))).toMatchObject({ ok: true });
  });
});

describe("staff history", () => {
  it("records who changed whom", async () => {
    const { invitation } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    const { link } = await resendInvitation(admin, invitation.id);
    await redeemStaffLink({ token: tokenOf(link), password: "ha-pass-2026" });
    const changes = await db().staffChange.findMany({ orderBy: { createdAt: "asc" }, select: { kind: true, actorUserId: true, targetEmail: true } });
    expect(changes).toEqual([
      { kind: "added", actorUserId: null, targetEmail: "chu@shop.vn" },
      { kind: "invited", actorUserId: admin.id, targetEmail: "ha@shop.vn" },
      { kind: "invitation_resent", actorUserId: admin.id, targetEmail: "ha@shop.vn" },
      { kind: "joined", actorUserId: null, targetEmail: "ha@shop.vn" },
    ]);
  });
});
