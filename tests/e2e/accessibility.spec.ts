// Screens no other spec passes through, checked with axe-core like the rest: staff management and
// the account page as an admin, and the refusal an agent gets for a settings page.
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { expectAccessible } from "./support/accessibility";

test("the staff and account pages, and the refusal page, pass the accessibility checks", async ({ page }) => {
  await signIn(page, "admin@demo.vn");
  await page.goto("/settings/staff");
  await expect(page.getByRole("heading", { name: "Mời nhân viên" })).toBeVisible();
  await expectAccessible(page, "staff");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Đổi mật khẩu" })).toBeVisible();
  await expectAccessible(page, "account");

  await page.context().clearCookies();
  await signIn(page, "lan@demo.vn");
  await page.goto("/settings/rules");
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  await expectAccessible(page, "forbidden");
});
