// Issue 12's acceptance, outside demo mode on an empty database: the setup link the server prints
// leads to "Thiết lập cửa hàng"; the admin invites an agent, who joins from a second browser; the
// admin resets the agent's password, the agent's open inbox is signed out, and the link works once;
// then "Cài đặt cửa hàng" keeps the shop's name and working hours, and its zone is the one dates use.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { freePort, startApp, temporaryDataDir, waitUntilHealthy, type AppProcess } from "./support/app-process";
import { dropDatabase, recreateDatabase, testServerBaseUrl } from "../support/test-database";

const DATABASE = `chat_e2e_first_run_${process.env.E2E_PORT ?? "3100"}`;

let app: AppProcess;
let dataDir: string;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  dataDir = temporaryDataDir();
  origin = `http://localhost:${port}`;
  // A real-mode configuration: Facebook settings that point at nothing (no channel is connected here).
  app = startApp(dataDir, { app: port, emulator: await freePort(), database: await freePort() }, {
    DATABASE_URL: await recreateDatabase(testServerBaseUrl(), DATABASE),
    DEMO_MODE: "false",
    META_APP_ID: "first-run-app",
    META_APP_SECRET: randomBytes(16).toString("hex"),
    META_VERIFY_TOKEN: randomBytes(12).toString("hex"),
    META_GRAPH_URL: "http://127.0.0.1:9",
    META_DIALOG_URL: "http://127.0.0.1:9",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  await waitUntilHealthy(app, port);
});

test.afterAll(async () => {
  if (app?.child.exitCode === null) {
    app.child.kill("SIGTERM");
    await app.exited;
  }
  await dropDatabase(testServerBaseUrl(), DATABASE);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The link as the server printed it for whoever started it. */
async function printedSetupLink(): Promise<string> {
  const find = () => app.output().match(/https?:\/\/\S+\/setup\?token=[\w-]+/)?.[0];
  await expect.poll(find, { message: "the setup link in the server's output" }).toBeTruthy();
  return find()!;
}

/** "23:03" and "02/12/2026" in UTC, as the app writes them. */
const utcClock = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
const utcDay = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(date);

async function expectLiveInbox(page: Page) {
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole("status").filter({ hasText: "Đang trực tuyến" })).toBeVisible();
}

async function setPassword(page: Page, password: string, submit: string) {
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByLabel("Nhập lại mật khẩu").fill(password);
  await page.getByRole("button", { name: submit }).click();
}

test("from the printed setup link to a shop whose admin invites an agent and resets her password", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext({ baseURL: origin })).newPage();

  // Before the setup, every page leads to it; without the printed link's token it cannot be used.
  await admin.goto("/inbox");
  await expect(admin).toHaveURL(/\/setup$/);
  await expect(admin.getByRole("heading", { name: "Thiết lập cửa hàng" })).toBeVisible();
  await expect(admin.getByLabel("Mã thiết lập")).toBeVisible();

  await admin.goto(await printedSetupLink());
  await expect(admin.getByLabel("Mã thiết lập")).toHaveCount(0);
  await expectAccessible(admin, "setup");
  await admin.getByLabel("Tên cửa hàng").fill("Shop Hoa Mai");
  await admin.getByLabel("Họ tên").fill("Phạm Quốc Hùng");
  await admin.getByLabel("Email").fill("hung@hoamai.vn");
  await setPassword(admin, "12345678", "Tạo cửa hàng");
  await expect(admin.getByText("Mật khẩu này quá dễ đoán. Hãy chọn mật khẩu khác.")).toBeVisible();
  await setPassword(admin, "hoa-mai-2026", "Tạo cửa hàng");
  await expectLiveInbox(admin);

  const afterSetup = await admin.request.get("/setup");
  expect(afterSetup.status()).toBe(404);

  // "Mời nhân viên": a link to copy.
  await admin.goto("/settings/staff");
  const invite = admin.locator("form").filter({ has: admin.getByRole("heading", { name: "Mời nhân viên" }) });
  await invite.getByLabel("Họ tên").fill("Nguyễn Thu Hà");
  await invite.getByLabel("Email").fill("ha@hoamai.vn");
  await invite.getByRole("button", { name: "Tạo lời mời" }).click();
  await expect(invite.getByText("Đã tạo lời mời cho Nguyễn Thu Hà.")).toBeVisible();
  const invitationLink = await invite.getByLabel("Đường dẫn").inputValue();
  await expect(admin.getByRole("list", { name: "Lời mời đang chờ" }).getByText("ha@hoamai.vn")).toBeVisible();
  await expectAccessible(admin, "staff with an invitation");

  // The agent, in a browser of her own, sets a password and is in.
  const agent = await (await browser.newContext({ baseURL: origin })).newPage();
  await agent.goto(invitationLink);
  await expect(agent.getByRole("heading", { name: "Tham gia Shop Hoa Mai" })).toBeVisible();
  await expectAccessible(agent, "joining");
  await setPassword(agent, "thu-ha-2026", "Đặt mật khẩu và bắt đầu");
  await expectLiveInbox(agent);

  // The admin resets her password: her open inbox is signed out at once.
  await admin.reload();
  await expect(admin.getByRole("list", { name: "Lời mời đang chờ" })).toHaveCount(0);
  const ha = admin.getByRole("list", { name: "Nhân viên" }).getByRole("listitem").filter({ hasText: "ha@hoamai.vn" });
  await ha.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  await expect(admin.getByText(/Đường dẫn đặt lại mật khẩu cho Nguyễn Thu Hà/)).toBeVisible();
  const resetLink = await admin.getByLabel("Đường dẫn").inputValue();
  await expect(agent).toHaveURL(/\/sign-in/);

  // The link sets a new password, once.
  await agent.goto(resetLink);
  await expect(agent.getByRole("heading", { name: "Đặt lại mật khẩu" })).toBeVisible();
  await setPassword(agent, "thu-ha-2027", "Đặt mật khẩu mới");
  await expectLiveInbox(agent);
  await agent.goto(resetLink);
  await expect(agent.getByRole("heading", { name: "Không dùng được đường dẫn này" })).toBeVisible();
  await expect(agent.getByText("Đường dẫn này đã được dùng.", { exact: false })).toBeVisible();

  // Every change is on the staff page, with who made it.
  await admin.reload();
  const history = admin.getByRole("list", { name: "Lịch sử thay đổi" });
  await expect(history.getByText("Phạm Quốc Hùng đã mời Nguyễn Thu Hà (nhân viên)")).toBeVisible();
  await expect(history.getByText("Nguyễn Thu Hà đã nhận lời mời và tham gia")).toBeVisible();
  await expect(history.getByText("Phạm Quốc Hùng đã tạo đường dẫn đặt lại mật khẩu cho Nguyễn Thu Hà")).toBeVisible();
  await expect(history.getByText("Nguyễn Thu Hà đã đặt mật khẩu mới")).toBeVisible();
  await expectAccessible(admin, "staff with its history");

  // "Cài đặt cửa hàng": the name given at setup, the zone, and the days the shop works.
  await admin.goto("/settings/shop");
  await expect(admin.getByLabel("Tên cửa hàng")).toHaveValue("Shop Hoa Mai");
  await expect(admin.getByLabel("Múi giờ")).toHaveValue("Asia/Ho_Chi_Minh");
  await admin.getByLabel("Tên cửa hàng").fill("Shop Hoa Mai Quận 1");
  await admin.getByRole("checkbox", { name: "Thứ Hai" }).check();
  await admin.getByLabel("Thứ Hai: Đóng cửa lúc").fill("07:00");
  await admin.getByRole("button", { name: "Lưu" }).click();
  await expect(admin.getByText("Giờ đóng cửa phải sau giờ mở cửa.")).toBeVisible();
  await admin.getByLabel("Thứ Hai: Đóng cửa lúc").fill("17:30");
  await admin.getByRole("button", { name: "Lưu" }).click();
  await expect(admin.getByText("Đã lưu cài đặt cửa hàng.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Tên cửa hàng")).toHaveValue("Shop Hoa Mai Quận 1");
  await expect(admin.getByLabel("Thứ Hai: Mở cửa lúc")).toHaveValue("08:00");
  await expect(admin.getByRole("checkbox", { name: "Thứ Ba" })).not.toBeChecked();
  await expectAccessible(admin, "shop settings");

  // Dates on screen follow the shop's zone.
  await admin.getByLabel("Múi giờ").selectOption("UTC");
  await admin.getByRole("button", { name: "Lưu" }).click();
  await expect(admin.getByText("Đã lưu cài đặt cửa hàng.")).toBeVisible();
  await admin.goto("/settings/staff");
  const newest = admin.getByRole("list", { name: "Lịch sử thay đổi" }).locator("time").first();
  const at = new Date((await newest.getAttribute("datetime"))!);
  await expect(newest).toHaveText(`${utcClock(at)} ${utcDay(at)}`);
  await agent.context().close();
  await admin.context().close();
});
