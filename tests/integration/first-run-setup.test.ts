import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { completeSetup, setupSchema, type SetupInput } from "@/lib/setup/complete-setup";
import { issueSetupToken, isSetupOpen } from "@/lib/setup/setup-token";
import { createAdminAccount } from "@/lib/setup/create-admin-account";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { resetDatabase } from "../support/reset-database";

function setupInput(token: string, email = "owner@shop.vn"): SetupInput {
  return { token, shopName: "Shop Hoa Mai", timeZone: "Asia/Ho_Chi_Minh", name: "Chủ shop", email, password: "hoa-mai-2026" };
}

beforeEach(resetDatabase);

describe("first-run setup", () => {
  it("with the printed token creates the shop and its admin, who can sign in; then the setup is closed", async () => {
    const token = await issueSetupToken();
    expect(token).toBeTruthy();
    expect(await isSetupOpen()).toBe(true);

    await completeSetup(setupInput(token!));

    expect(await db().workspace.findMany({ select: { name: true, timeZone: true } })).toEqual([{ name: "Shop Hoa Mai", timeZone: "Asia/Ho_Chi_Minh" }]);
    const signIn = await verifyCredentials({ email: "owner@shop.vn", password: "hoa-mai-2026" }, undefined);
    expect(signIn.ok && signIn.user.role).toBe("admin");
    expect(await isSetupOpen()).toBe(false);
    await expect(completeSetup(setupInput(token!, "second@shop.vn"))).rejects.toMatchObject({ code: "not_found" });
    expect(await issueSetupToken()).toBeNull();
  });

  it("every start before the setup prints the same link, and it keeps working", async () => {
    const [first, second] = await Promise.all([issueSetupToken(), issueSetupToken()]);
    expect(second).toBe(first);
    expect(await issueSetupToken()).toBe(first);
    await completeSetup(setupInput(first!));
    expect(await db().user.count()).toBe(1);
  });

  it("refuses a setup without the token, or with a wrong one, and creates nothing", async () => {
    const token = await issueSetupToken();
    await expect(completeSetup(setupInput(""))).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { token: ["setup_token_wrong"] } });
    await expect(completeSetup(setupInput(`${token}x`))).rejects.toMatchObject({ fieldErrors: { token: ["setup_token_wrong"] } });
    expect(await db().workspace.count()).toBe(0);
    expect(await db().user.count()).toBe(0);
    expect(await isSetupOpen()).toBe(true);
  });

  it("of many simultaneous setups exactly one creates a workspace; the others are told it is done", async () => {
    const token = (await issueSetupToken())!;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) => completeSetup(setupInput(token, `owner${index}@shop.vn`))),
    );
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((settled) => settled.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "not_found" });
    }
    expect(await db().workspace.count()).toBe(1);
    expect(await db().user.count()).toBe(1);
  });

  it("is not offered while an account exists", async () => {
    const workspace = await db().workspace.create({ data: { name: "Shop" } });
    await db().user.create({ data: { workspaceId: workspace.id, name: "A", email: "a@shop.vn", passwordHash: "x", role: "admin" } });
    expect(await issueSetupToken()).toBeNull();
    expect(await isSetupOpen()).toBe(false);
  });

  it("refuses a weak password, or a time zone nobody has, with the reason", async () => {
    const token = (await issueSetupToken())!;
    const zone = setupSchema.safeParse({ ...setupInput(token), timeZone: "Mars/Olympus" });
    expect(zone.success ? [] : zone.error.issues.map(({ message }) => message)).toEqual(["time_zone_unknown"]);
    const weak = setupSchema.safeParse({ ...setupInput(token), password: "12345678" });
    expect(weak.success ? [] : weak.error.issues.map(({ message }) => message)).toEqual(["password_too_common"]);
    const short = setupSchema.safeParse({ ...setupInput(token), password: "abc" });
    expect(short.success ? [] : short.error.issues.map(({ message }) => message)).toEqual(["password_too_short"]);
  });
});

describe("npm run admin:create", () => {
  it("on an empty database founds the shop and closes the setup screen", async () => {
    const token = (await issueSetupToken())!;
    expect(await createAdminAccount({ name: "Chủ", email: "chu@shop.vn", password: "hoa-mai-2026", shopName: "Hoa Mai" })).toEqual({ foundedWorkspace: true });
    expect(await db().workspace.findMany({ select: { name: true } })).toEqual([{ name: "Hoa Mai" }]);
    expect(await isSetupOpen()).toBe(false);
    await expect(completeSetup(setupInput(token))).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds an admin to the existing shop, and refuses an email already taken", async () => {
    await createAdminAccount({ name: "Chủ", email: "chu@shop.vn", password: "hoa-mai-2026" });
    expect(await createAdminAccount({ name: "Hai", email: "hai@shop.vn", password: "hoa-mai-2027" })).toEqual({ foundedWorkspace: false });
    await expect(createAdminAccount({ name: "Ba", email: "hai@shop.vn", password: "hoa-mai-2028" })).rejects.toMatchObject({ fieldErrors: { email: ["email_taken"] } });
    expect(await db().workspace.count()).toBe(1);
    expect(await db().user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } })).toEqual([
      { email: "chu@shop.vn", role: "admin" },
      { email: "hai@shop.vn", role: "admin" },
    ]);
  });
});
