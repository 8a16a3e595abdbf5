// Issue 9, item 1, in a real browser: a session that ends is over everywhere at once, for the
// cookie (copied or not) and for the tabs that have it open.
import { expect, test, type Browser } from "./support/test";
import { signIn } from "./support/sign-in";

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("item 1: Đăng xuất ends the session for good; a copy of its cookie opens nothing", async ({ browser }) => {
  const page = await signedInPage(browser, "minh@demo.vn");
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  expect((await copy.request.get("/api/conversations")).status()).toBe(200);

  await page.getByRole("button", { name: "Menu người dùng" }).click();
  await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
  await expect(page.getByText("Bạn đã đăng xuất.")).toBeVisible();

  expect((await copy.request.get("/api/conversations")).status()).toBe(401);
  const stolen = await copy.newPage();
  await stolen.goto("/inbox");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
  await copy.close();
  await page.context().close();
});

test("item 1: Đăng xuất khỏi mọi thiết bị closes the other devices' open inbox at once", async ({ browser }) => {
  const laptop = await signedInPage(browser, "ha@demo.vn");
  const phone = await signedInPage(browser, "ha@demo.vn");

  await laptop.goto("/account");
  await laptop.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(laptop.getByText("Bạn đã đăng xuất.")).toBeVisible();
  // The phone's socket was closed by the server: the tab reloads and finds its session gone.
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
  await laptop.context().close();
  await phone.context().close();
});

test("item 1: a locked agent's open inbox leaves for the sign-in page at once", async ({ browser }) => {
  const agent = await signedInPage(browser, "lan@demo.vn");
  const admin = await signedInPage(browser, "admin@demo.vn");
  await admin.goto("/settings/staff");
  const lan = admin.getByRole("listitem").filter({ hasText: "lan@demo.vn" });

  await lan.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(lan.getByText("Đã khóa")).toBeVisible();
  await expect(agent).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);

  // Unlocked again, she signs in as before (the other specs use her account too).
  await lan.getByRole("button", { name: "Mở khóa" }).click();
  await expect(lan.getByText("Đang hoạt động")).toBeVisible();
  await signIn(agent, "lan@demo.vn");
  await agent.context().close();
  await admin.context().close();
});
