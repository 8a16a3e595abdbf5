// With a mail server configured (a real SMTP server on a free port), invitations and reset links
// are e-mailed, and "Quên mật khẩu?" mails a one-time link without telling who has an account.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpInbox } from "../support/smtp-inbox";

const inbox = await startSmtpInbox();
process.env.SMTP_URL = inbox.url;
process.env.MAIL_FROM = "Shop Hoa Mai <no-reply@shop.vn>";

const { db } = await import("@/lib/db");
const { addStaffMember } = await import("@/lib/staff/add-staff-member");
const { inviteStaffMember } = await import("@/lib/staff/invite-staff-member");
const { resendInvitation } = await import("@/lib/staff/resend-invitation");
const { createPasswordResetLink } = await import("@/lib/staff/create-password-reset-link");
const { redeemStaffLink } = await import("@/lib/staff/redeem-staff-link");
const { requestPasswordReset } = await import("@/lib/auth/request-password-reset");
const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
const { startSession } = await import("@/lib/auth/start-session");
const { POST: requestReset } = await import("@/app/api/password-reset-requests/route");
const { resetDatabase } = await import("../support/reset-database");

type Admin = Parameters<typeof inviteStaffMember>[0];
let admin: Admin;

/** The set-password link in a mail's text, and its token. */
function linkIn(text: string): { link: string; token: string } {
  const link = /https?:\/\/\S+\/set-password\/[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no link in mail: ${text}`);
  return { link, token: link.split("/").at(-1)! };
}

const canSignIn = async (email: string, password: string) => (await verifyCredentials({ email, password }, undefined)).ok;

const askForReset = (email: string) =>
  requestReset(new Request("http://localhost/api/password-reset-requests", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) }), {});

beforeEach(async () => {
  await resetDatabase();
  inbox.clear();
  const workspace = await db().workspace.create({ data: { name: "Shop Hoa Mai" } });
  const created = await addStaffMember(workspace.id, { name: "Chủ", email: "chu@shop.vn", role: "admin", password: "chu-pass-2026" }, null);
  admin = { ...created, workspaceId: workspace.id };
});

afterAll(() => inbox.close());

describe("invitations and admin resets by mail", () => {
  it("an invitation e-mails the invitee, in Vietnamese, a link that creates the account once", async () => {
    const { link, mail } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    expect(mail).toBe("sent");

    const received = await inbox.nextMail();
    expect(received.to).toEqual(["ha@shop.vn"]);
    expect(received.subject).toBe("Lời mời tham gia Shop Hoa Mai");
    expect(received.text).toContain("Chào Hà");
    expect(linkIn(received.text).link).toBe(link);

    await redeemStaffLink({ token: linkIn(received.text).token, password: "ha-pass-2026" });
    expect(await canSignIn("ha@shop.vn", "ha-pass-2026")).toBe(true);
    await expect(redeemStaffLink({ token: linkIn(received.text).token, password: "other-pass-99" })).rejects.toMatchObject({ fieldErrors: { token: ["link_used"] } });
  });

  it("“Gửi lại” e-mails the new link", async () => {
    const { invitation } = await inviteStaffMember(admin, { name: "Hà", email: "ha@shop.vn", role: "agent" });
    await inbox.nextMail();
    const { link, mail } = await resendInvitation(admin, invitation.id);
    expect(mail).toBe("sent");
    expect(linkIn((await inbox.nextMail()).text).link).toBe(link);
  });

  it("an admin's reset e-mails the employee the link, which says the old password is gone", async () => {
    const agent = await addStaffMember(admin.workspaceId, { name: "Hà", email: "ha@shop.vn", role: "agent", password: "ha-pass-2026" }, admin.id);
    const { link, mail } = await createPasswordResetLink(admin, agent.id);
    expect(mail).toBe("sent");
    const received = await inbox.nextMail();
    expect(received.to).toEqual(["ha@shop.vn"]);
    expect(received.text).toContain("đã đặt lại mật khẩu của bạn");
    expect(linkIn(received.text).link).toBe(link);
  });
});

describe("Quên mật khẩu? by mail", () => {
  it("answers the same for an existing and an unknown address, and mails only the existing one", async () => {
    const unknown = await askForReset("nobody@shop.vn");
    const existing = await askForReset("CHU@shop.vn");
    expect([unknown.status, await unknown.json()]).toEqual([202, { ok: true }]);
    expect([existing.status, await existing.json()]).toEqual([202, { ok: true }]);

    const received = await inbox.nextMail();
    expect(received.to).toEqual(["chu@shop.vn"]);
    expect(received.subject).toBe("Đặt lại mật khẩu cho Shop Hoa Mai");
    expect(inbox.received.map(({ to }) => to)).toEqual([["chu@shop.vn"]]);
    expect(await db().staffLink.count({ where: { email: "nobody@shop.vn" } })).toBe(0);
    expect(await (await requestPasswordReset({ email: "nobody@shop.vn" }, undefined)).delivery).toBe("no_account");
  });

  it("asking changes nothing until the link is used: the old password and sessions stay; the link then works once and ends them", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "chu@shop.vn" } });
    await startSession(user.id);
    const { delivery } = await requestPasswordReset({ email: "chu@shop.vn" }, "203.0.113.7");
    expect(await delivery).toBe("sent");
    expect(await canSignIn("chu@shop.vn", "chu-pass-2026")).toBe(true);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);

    const { token } = linkIn((await inbox.nextMail()).text);
    await redeemStaffLink({ token, password: "chu-new-pass-7" });
    expect(await canSignIn("chu@shop.vn", "chu-new-pass-7")).toBe(true);
    expect(await canSignIn("chu@shop.vn", "chu-pass-2026")).toBe(false);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    await expect(redeemStaffLink({ token, password: "chu-other-pass-8" })).rejects.toMatchObject({ fieldErrors: { token: ["link_used"] } });
  });

  it("a deactivated account gets no mail", async () => {
    await db().user.update({ where: { email: "chu@shop.vn" }, data: { active: false } });
    expect(await (await requestPasswordReset({ email: "chu@shop.vn" }, undefined)).delivery).toBe("no_account");
  });

  it("ten requests from one address are answered, the eleventh is refused, and sign-in is not locked", async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) await (await requestPasswordReset({ email: "nobody@shop.vn" }, "203.0.113.7")).delivery;
    await expect(requestPasswordReset({ email: "nobody@shop.vn" }, "203.0.113.7")).rejects.toMatchObject({ code: "rate_limited" });
    await expect(requestPasswordReset({ email: "nobody@shop.vn" }, "198.51.100.2")).resolves.toBeDefined();
    expect(await canSignIn("chu@shop.vn", "chu-pass-2026")).toBe(true);
  });
});

describe("a mail server that refuses", () => {
  it("keeps the invitation and its link, and says the mail did not go out", async () => {
    await inbox.close();
    const { invitation, link, mail } = await inviteStaffMember(admin, { name: "Minh", email: "minh@shop.vn", role: "agent" });
    expect(mail).toBe("failed");
    expect(link).toMatch(/\/set-password\//);
    expect(await db().staffLink.count({ where: { id: invitation.id, usedAt: null, revokedAt: null } })).toBe(1);
  });
});
