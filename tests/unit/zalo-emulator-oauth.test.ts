import { describe, expect, it } from "vitest";
import { codeChallengeOf } from "../../emulators/zalo/pkce";
import { answerPermissionPage } from "../../emulators/zalo/permission-driver";
import { CODE_VERIFIER, startZaloHarness, ZALO_APP_ID } from "../support/zalo-emulator-harness";

const zalo = await startZaloHarness();

function permissionUrl(params: Record<string, string> = {}): string {
  const url = new URL("/v4/oa/permission", zalo.emulator.url);
  url.search = new URLSearchParams({
    app_id: ZALO_APP_ID,
    redirect_uri: "http://app.test/callback",
    code_challenge: codeChallengeOf(CODE_VERIFIER),
    state: "xyz",
    ...params,
  }).toString();
  return url.toString();
}

describe("Zalo emulator OAuth v4", () => {
  it("shows the administrator's OAs with Cho phép / Từ chối and redirects back with code, oa_id and state", async () => {
    const html = await (await fetch(permissionUrl())).text();
    expect(html).toContain("Shop Thời Trang Mai");
    expect(html).toContain("Cho phép");
    expect(html).toContain("Từ chối");
    const oaId = zalo.demoOa().oaId;
    const outcome = await answerPermissionPage(permissionUrl(), { oaId });
    expect(outcome.location.origin + outcome.location.pathname).toBe("http://app.test/callback");
    expect(outcome).toMatchObject({ oaId, state: "xyz" });
    expect(outcome.code).toBeTruthy();
  });

  it("sends the browser back with an error when the administrator refuses", async () => {
    const outcome = await answerPermissionPage(permissionUrl(), { decision: "deny" });
    expect(outcome).toMatchObject({ error: "access_denied", state: "xyz", code: undefined });
  });

  it("lists only the signed-in administrator's OAs, and refuses to grant another's", async () => {
    const huy = zalo.emulator.world.people.find((p) => p.name === "Lê Quốc Huy")!;
    const page = await (await fetch(`${permissionUrl()}&admin_id=${huy.id}`)).text();
    expect(page).toContain("Giày Dép Lâu Năm");
    expect(page).not.toContain("Shop Thời Trang Mai");
    const outcome = await answerPermissionPage(permissionUrl(), { adminId: huy.id });
    expect(outcome.oaId).toBe(zalo.emulator.world.oas.find((oa) => oa.name === "Giày Dép Lâu Năm")!.id);
    await expect(answerPermissionPage(permissionUrl(), { adminId: huy.id, oaId: zalo.demoOa().oaId })).rejects.toThrow("403");
  });

  it("refuses an unknown app_id on the page", async () => {
    const res = await fetch(permissionUrl({ app_id: "999" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("app_id không hợp lệ");
  });

  it("exchanges a code once, and only with the verifier of its challenge", async () => {
    const { code } = await answerPermissionPage(permissionUrl());
    const wrong = await zalo.tokenCall({ grant_type: "authorization_code", code: code!, code_verifier: "x".repeat(43) });
    expect(wrong.status).toBe(200);
    expect(wrong.body.error).toBeLessThan(0);
    expect(wrong.body.access_token).toBeUndefined();

    const { code: fresh } = await answerPermissionPage(permissionUrl());
    const ok = await zalo.tokenCall({ grant_type: "authorization_code", code: fresh!, code_verifier: CODE_VERIFIER });
    expect(ok.body).toMatchObject({ expires_in: "90000" });
    expect(typeof ok.body.access_token).toBe("string");
    expect(typeof ok.body.refresh_token).toBe("string");
    const again = await zalo.tokenCall({ grant_type: "authorization_code", code: fresh!, code_verifier: CODE_VERIFIER });
    expect(again.status).toBe(200);
    expect(again.body.error).toBeLessThan(0);
    expect(again.body.error_description).toContain("already been used");
  });

  it("refuses a code older than 10 minutes", async () => {
    const { code } = await answerPermissionPage(permissionUrl());
    await zalo.control("POST", "/clock/advance", { minutes: 11 });
    const late = await zalo.tokenCall({ grant_type: "authorization_code", code: code!, code_verifier: CODE_VERIFIER });
    expect(late.body.error_description).toContain("expired");
  });

  it("refuses a wrong secret_key in an HTTP 200 body", async () => {
    const { code } = await answerPermissionPage(permissionUrl());
    const res = await zalo.tokenCall({ grant_type: "authorization_code", code: code!, code_verifier: CODE_VERIFIER }, "nope");
    expect(res.status).toBe(200);
    expect(res.body.error).toBeLessThan(0);
  });

  it("spends a refresh token once and logs every use", async () => {
    const { oaId, refresh_token: refreshToken } = await zalo.connect();
    const first = await zalo.tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });
    expect(first.body).toMatchObject({ expires_in: "90000" });
    expect(first.body.refresh_token).not.toBe(refreshToken);
    const second = await zalo.tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.error).toBeLessThan(0);
    expect(second.body.access_token).toBeUndefined();
    const uses = await zalo.control("GET", `/tokens/refresh-uses?oaId=${oaId}`);
    expect(uses.body.uses.map((u: { outcome: string }) => u.outcome)).toEqual(["ok", "already_used"]);
  });

  it("answers -220 once the access token is expired and -216 for a token never issued", async () => {
    const { oaId, access_token: accessToken, refresh_token: refreshToken } = await zalo.connect();
    expect((await zalo.apiGet("/v2.0/oa/getoa", accessToken)).body.data).toMatchObject({ oa_id: oaId, name: "Shop Thời Trang Mai" });
    await zalo.control("POST", "/tokens/expire", { oaId });
    const expired = await zalo.apiGet("/v2.0/oa/getoa", accessToken);
    expect(expired).toEqual({ status: 200, body: { error: -220, message: expect.any(String) } });
    expect((await zalo.apiGet("/v2.0/oa/getoa", "made-up")).body.error).toBe(-216);
    const refreshed = await zalo.tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });
    expect((await zalo.apiGet("/v2.0/oa/getoa", refreshed.body.access_token)).body.error).toBe(0);
  });

  it("lets an access token live 25 hours of emulator time", async () => {
    const { access_token: accessToken } = await zalo.connect();
    await zalo.control("POST", "/clock/advance", { hours: 24.9 });
    expect((await zalo.apiGet("/v2.0/oa/getoa", accessToken)).body.error).toBe(0);
    await zalo.control("POST", "/clock/advance", { hours: 0.2 });
    expect((await zalo.apiGet("/v2.0/oa/getoa", accessToken)).body.error).toBe(-220);
  });

  it("refuses a revoked refresh token, and kills the OA's access tokens too when asked", async () => {
    const { oaId, access_token: accessToken, refresh_token: refreshToken } = await zalo.connect();
    await zalo.control("POST", "/tokens/revoke-refresh", { oaId });
    expect((await zalo.apiGet("/v2.0/oa/getoa", accessToken)).body.error).toBe(0);
    const res = await zalo.tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });
    expect(res.body.error).toBeLessThan(0);
    expect((await zalo.control("GET", `/tokens/refresh-uses?oaId=${oaId}`)).body.uses).toMatchObject([{ outcome: "revoked" }]);

    const other = await zalo.connect();
    await zalo.control("POST", "/tokens/revoke-refresh", { oaId, alsoAccessTokens: true });
    expect((await zalo.apiGet("/v2.0/oa/getoa", other.access_token)).body.error).toBe(-216);
    expect((await zalo.tokenCall({ grant_type: "refresh_token", refresh_token: other.refresh_token })).body.error).toBeLessThan(0);
  });
});
