import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { expectAccessible } from "./support/accessibility";

test("an admin signs in and sees the Vietnamese inbox shell", async ({ page }) => {
  await signIn(page, "admin@demo.vn");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Chat đa kênh" })).toBeVisible();
  const navigation = page.getByRole("navigation");
  await expect(navigation.getByRole("link", { name: "Chat đa kênh" })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Cấu hình Kênh chat" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Đang trực tuyến" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/inbox-admin.png", fullPage: true });
});

test("a wrong password shows an error and keeps the visitor signed out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@demo.vn");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Next.js adds its own (empty) route-announcer alert, so look for ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." })).toBeVisible();
  await expectAccessible(page, "sign-in with an error");
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
});

test("before the page's script runs, pressing Enter does not send the password anywhere", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeDisabled();
  await page.getByLabel("Email").fill("admin@demo.vn");
  await page.getByLabel("Mật khẩu").fill("demo12345");
  await page.getByLabel("Mật khẩu").press("Enter");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Mật khẩu")).toHaveValue("demo12345");
  await context.close();
});

test("an agent is refused the settings page with a clear message", async ({ page }) => {
  await signIn(page, "ha@demo.vn");
  // Staff may have "Cấu hình Kênh chat" for their own pages (issue 16), never the admins' screens.
  await expect(page.getByRole("navigation").getByRole("link", { name: "Nhân viên" })).toHaveCount(0);
  const response = await page.goto("/settings/staff");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  const api = await page.request.get("/api/staff");
  expect(api.status()).toBe(403);
});

test("the language can be switched to English and is remembered", async ({ page }) => {
  await signIn(page, "minh@demo.vn");
  await page.getByRole("button", { name: "Menu người dùng" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
});

test("on a phone the sidebar opens as a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, "admin@demo.vn");
  await page.getByRole("button", { name: "Mở menu" }).click();
  await expect(page.getByRole("dialog").getByRole("link", { name: "Nhân viên" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/shell-phone.png" });
});

test("without a mail server, “Quên mật khẩu?” tells the visitor to ask an admin and offers no form", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(page.getByRole("heading", { name: "Quên mật khẩu?" })).toBeVisible();
  await expect(page.getByText("Hãy nhờ quản trị viên của cửa hàng tạo cho bạn một đường dẫn đặt lại mật khẩu")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi đường dẫn" })).toHaveCount(0);
});
