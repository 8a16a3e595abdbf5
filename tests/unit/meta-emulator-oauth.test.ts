// Login dialog → code → tokens → /me/accounts, as the app's connect wizard will use them.
import { describe, expect, it } from "vitest";
import { runLoginDialog } from "../../emulators/meta/dialog-driver";
import { APP_ID, APP_SECRET, startEmulatorHarness, type Json, type JsonReply } from "../support/meta-emulator-harness";

const REDIRECT = "http://localhost:3000/api/connect/facebook/callback";
const SCOPES = ["pages_show_list", "pages_messaging", "pages_manage_metadata", "pages_read_engagement"];

const { emulator, graphGet: get } = await startEmulatorHarness();
const graph = `${emulator.url}/v27.0`;

const an = () => emulator.world.users[0]!;

async function login(overrides: Partial<Parameters<typeof runLoginDialog>[0]> = {}): Promise<URL> {
  return runLoginDialog({
    emulatorUrl: emulator.url,
    appId: APP_ID,
    redirectUri: REDIRECT,
    scope: SCOPES,
    state: "st-123",
    userId: an().id,
    ...overrides,
  });
}

async function exchange(code: string): Promise<JsonReply> {
  return get("/oauth/access_token", {
    client_id: APP_ID,
    client_secret: APP_SECRET,
    redirect_uri: REDIRECT,
    code,
  });
}

describe("OAuth dialog and tokens", () => {
  it("runs the code flow to a long-lived token and lists the user's pages with tasks", async () => {
    const redirect = await login();
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get("state")).toBe("st-123");
    const code = redirect.searchParams.get("code")!;

    const short = await exchange(code);
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ token_type: "bearer", expires_in: 5183 });

    const long = await get("/oauth/access_token", {
      grant_type: "fb_exchange_token",
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: short.body.access_token,
    });
    expect(long.body).toMatchObject({ token_type: "bearer", expires_in: 5183944 });
    const userToken: string = long.body.access_token;

    const perms = await get("/me/permissions", { access_token: userToken });
    expect(perms.body.data).toEqual(
      expect.arrayContaining(
        [...SCOPES, "public_profile"].map((permission) => ({ permission, status: "granted" })),
      ),
    );

    const accounts = await get("/me/accounts", {
      access_token: userToken,
      fields: "id,name,access_token,tasks,category,picture",
    });
    expect(accounts.status).toBe(200);
    const names = accounts.body.data.map((p: Json) => p.name);
    expect(names).toEqual([
      "Shop Thời Trang Hoa Mai",
      "Mỹ Phẩm Thiên Nhiên",
      "Cửa Hàng Lâu Năm",
      "Tiệm Bánh Ngọt Sài Gòn",
    ]);
    const moderated = accounts.body.data.find((p: Json) => p.name === "Tiệm Bánh Ngọt Sài Gòn");
    expect(moderated.tasks).not.toContain("MANAGE");
    expect(accounts.body.data[0].tasks).toEqual([
      "ANALYZE",
      "ADVERTISE",
      "MODERATE",
      "CREATE_CONTENT",
      "MANAGE",
      "MESSAGING",
    ]);
    expect(accounts.body.data[0].picture.data.url).toMatch(new RegExp(`^${emulator.url}/_emulator/avatar/`));
    expect(accounts.body.data[0].access_token).toMatch(/^EAA/);
    expect(accounts.body.data[0].access_token).not.toBe(userToken);

    const debug = await get("/debug_token", {
      input_token: accounts.body.data[0].access_token,
      access_token: `${APP_ID}|${APP_SECRET}`,
    });
    expect(debug.body.data).toMatchObject({
      app_id: APP_ID,
      type: "PAGE",
      is_valid: true,
      expires_at: 0,
      user_id: an().id,
    });
    expect(debug.body.data.granular_scopes).toContainEqual({
      scope: "pages_messaging",
      target_ids: accounts.body.data.map((p: Json) => p.id),
    });
  });

  it("pages me/accounts with cursors and an absolute next link", async () => {
    const code = (await login()).searchParams.get("code")!;
    const token = (await exchange(code)).body.access_token;
    const first = await get("/me/accounts", { access_token: token, limit: "3" });
    expect(first.body.data).toHaveLength(3);
    expect(first.body.paging.cursors.after).toBeTruthy();
    expect(first.body.paging.next).toMatch(new RegExp(`^${graph}/me/accounts\\?`));
    const second = await get(first.body.paging.next);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.paging.next).toBeUndefined();
    const ids = [...first.body.data, ...second.body.data].map((p: Json) => p.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("lists only the pages ticked after 'Chỉnh sửa cài đặt'", async () => {
    const hoaMai = emulator.world.pages[0]!;
    const code = (await login({ pageIds: [hoaMai.id] })).searchParams.get("code")!;
    const token = (await exchange(code)).body.access_token;
    const accounts = await get("/me/accounts", { access_token: token });
    expect(accounts.body.data.map((p: Json) => p.id)).toEqual([hoaMai.id]);
  });

  it("redirects with access_denied when the user presses Hủy", async () => {
    for (const cancelAt of ["user", "pages", "permissions"] as const) {
      const redirect = await login({ cancelAt });
      expect(redirect.search).toBe(
        "?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=st-123",
      );
    }
  });

  it("reports declined permissions and asks for them again only on rerequest", async () => {
    await login({ decline: ["pages_messaging"] });
    const grant = emulator.world.grants.get(an().id)!;
    expect(grant.scopes.pages_messaging).toBe("declined");

    // A normal second login does not show the declined permission again.
    const dialog = await fetch(
      `${graph}/dialog/oauth?client_id=${APP_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=${SCOPES.join(",")}`,
    );
    expect(dialog.status).toBe(200);
    await login();
    expect(emulator.world.grants.get(an().id)!.scopes.pages_messaging).toBe("declined");

    const code = (await login({ rerequest: true })).searchParams.get("code")!;
    const token = (await exchange(code)).body.access_token;
    const perms = await get("/me/permissions", { access_token: token });
    expect(perms.body.data).toContainEqual({ permission: "pages_messaging", status: "granted" });
  });

  it("rejects a wrong secret, a wrong app id, a reused code and a different redirect_uri", async () => {
    const code = (await login()).searchParams.get("code")!;
    const wrongSecret = await get("/oauth/access_token", {
      client_id: APP_ID,
      client_secret: "nope",
      redirect_uri: REDIRECT,
      code,
    });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error).toMatchObject({ type: "OAuthException", code: 1 });
    expect(wrongSecret.body.error.fbtrace_id).toBeTruthy();
    const wrongApp = await get("/oauth/access_token", {
      client_id: "999",
      client_secret: APP_SECRET,
      redirect_uri: REDIRECT,
      code,
    });
    expect(wrongApp.body.error.code).toBe(101);
    const mismatch = await get("/oauth/access_token", {
      client_id: APP_ID,
      client_secret: APP_SECRET,
      redirect_uri: `${REDIRECT}x`,
      code,
    });
    expect(mismatch.body.error).toMatchObject({ code: 100, error_subcode: 36008 });

    expect((await exchange(code)).status).toBe(200);
    const reused = await exchange(code);
    expect(reused.body.error).toMatchObject({ code: 100, error_subcode: 36009 });
  });

  it("shows an error page for an unknown client_id", async () => {
    const res = await fetch(
      `${graph}/dialog/oauth?client_id=42&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ID ứng dụng không hợp lệ");
  });

  it("renders the Vietnamese labels on each screen", async () => {
    const start = await fetch(
      `${graph}/dialog/oauth?client_id=${APP_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=pages_messaging`,
    );
    const html = await start.text();
    expect(html).toContain("Tiếp tục dưới tên Nguyễn Văn An");
    expect(html).toContain(">Hủy</button>");
    const session = /name="session" value="([^"]+)"/.exec(html)![1]!;
    const post = (fields: Record<string, string>) =>
      fetch(`${graph}/dialog/oauth/step`, {
        method: "POST",
        body: new URLSearchParams({ session, ...fields }),
      }).then((r) => r.text());
    const pages = await post({ screen: "user", userId: an().id });
    expect(pages).toContain("Chỉnh sửa cài đặt");
    expect(pages).toContain(">Tiếp tục</button>");
    const editing = await post({ screen: "pages", action: "edit" });
    expect(editing).toMatch(/<input type="checkbox" name="page" value="\d+" checked/);
    const permissions = await post({ screen: "pages", action: "continue" });
    expect(permissions).toContain("<legend>");
    expect(permissions).toMatch(/value="granted" checked> Có<\/label>/);
    expect(permissions).toContain(" Không</label>");
    expect(permissions).toContain(">Xong</button>");
  });

  it("accepts paths without a version and any version prefix", async () => {
    const code = (await login()).searchParams.get("code")!;
    const token = (await exchange(code)).body.access_token;
    for (const prefix of ["", "/v19.0", "/v27.0"]) {
      const res = await fetch(`${emulator.url}${prefix}/me?access_token=${token}`);
      expect(await res.json()).toEqual({ name: "Nguyễn Văn An", id: an().id });
    }
  });
});
