// Settings → "Quy tắc chia hội thoại" in the Vietnamese UI: an admin creates, edits and deletes a
// rule through the form; an unknown email is an inline error; agents are refused.
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { expectAccessible } from "./support/accessibility";

const SCREENS = "test-results/screens";

test("an admin creates a rule through the form; an unknown email shows an inline error", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "admin@demo.vn");
  await page.getByRole("navigation").getByRole("link", { name: "Quy tắc chia hội thoại" }).click();
  await expect(page.getByRole("heading", { name: "Quy tắc chia hội thoại", level: 1 })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/rules-0-list.png`, fullPage: true });
  await expectAccessible(page, "rules-0-list");
  await page.getByRole("link", { name: "Tạo quy tắc mới" }).first().click();
  await expect(page.getByRole("heading", { name: "Tạo quy tắc mới" })).toBeVisible();

  const form = page.getByRole("form", { name: "Quy tắc chia hội thoại" });
  const name = `Nhóm chăm sóc khách ${Date.now()}`;
  await form.getByLabel("Tên quy tắc").fill(name);
  await expect(form.getByRole("group", { name: "Nguồn" })).toBeVisible();

  const email = form.getByLabel("User nhận hội thoại");
  await email.fill("khong-co-ai@demo.vn");
  await form.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(form.getByText("Không có tài khoản nào với email khong-co-ai@demo.vn trong cửa hàng. Hãy thêm nhân viên trước.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${SCREENS}/rules-1-unknown-email.png`, fullPage: true });
  await expectAccessible(page, "rules-1-unknown-email");

  await email.fill("ha@demo.vn");
  await email.press("Enter");
  await email.fill("MINH@demo.vn");
  await form.getByRole("button", { name: "Thêm", exact: true }).click();
  const chips = form.getByRole("list", { name: "Người nhận hội thoại đã thêm" });
  await expect(chips.getByRole("listitem")).toHaveCount(2);
  await expect(email).not.toHaveAttribute("aria-invalid", "true");

  await form.getByRole("radio", { name: /Tự nhận hội thoại/ }).check();
  await form.getByRole("radio", { name: /Chia tất cả hội thoại/ }).check();
  await expect(form.getByText(/toàn bộ lịch sử chat và thông tin dữ liệu khách hàng cũ trước đó sẽ được chia sẻ cho nhân viên chat/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/rules-2-form.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}/rules-2-form-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await form.getByRole("radio", { name: /Không chia hội thoại cũ/ }).check();
  await expect(form.getByText(/toàn bộ lịch sử chat/)).toHaveCount(0);
  await form.getByRole("button", { name: "Lưu" }).click();

  await expect(page).toHaveURL(/\/settings\/rules$/);
  const card = page.getByRole("article", { name });
  await expect(card.getByText("Tự nhận hội thoại")).toBeVisible();
  await expect(card.getByText("Không chia hội thoại cũ")).toBeVisible();
  await expect(card.getByText("Nguyễn Thu Hà")).toBeVisible();
  await expect(card.getByText("Trần Đức Minh")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/rules-3-saved.png`, fullPage: true });
  await expectAccessible(page, "rules-3-saved");

  // Edit: Minh leaves the rule.
  await card.getByRole("link", { name: `Sửa quy tắc ${name}` }).click();
  await page.getByRole("button", { name: "Bỏ Trần Đức Minh khỏi quy tắc" }).click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page).toHaveURL(/\/settings\/rules$/);
  await expect(card.getByText("Nguyễn Thu Hà")).toBeVisible();
  await expect(card.getByText("Trần Đức Minh")).toHaveCount(0);

  // Delete, after an inline confirmation.
  await card.getByRole("button", { name: `Xóa quy tắc ${name}` }).click();
  await card.getByRole("button", { name: "Xóa quy tắc", exact: true }).click();
  await expect(page.getByText(`Đã xóa quy tắc “${name}”.`)).toBeVisible();
  await expect(card).toHaveCount(0);
});

test("the server refuses an unknown email too, naming it", async ({ page }) => {
  await signIn(page, "admin@demo.vn");
  const response = await page.request.post("/api/rules", {
    data: { name: "Giả mạo", sourceChannelIds: [], memberEmails: ["ha@demo.vn", "ma@demo.vn"], method: "round_robin", oldConversationPolicy: "keep_unassigned" },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ code: "invalid_input", params: { emails: "ma@demo.vn" }, fieldErrors: { memberEmails: ["unknown_email"] } });
  const rules = await (await page.request.get("/api/rules")).json();
  expect(rules.rules.map((rule: { name: string }) => rule.name)).not.toContain("Giả mạo");
});

test("agents cannot see or change rules", async ({ page }) => {
  await signIn(page, "ha@demo.vn");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Quy tắc chia hội thoại" })).toHaveCount(0);
  expect((await page.goto("/settings/rules"))?.status()).toBe(403);
  expect((await page.request.get("/api/rules")).status()).toBe(403);
  const forged = await page.request.post("/api/rules", {
    data: { name: "Của tôi", sourceChannelIds: [], memberEmails: ["ha@demo.vn"], method: "round_robin", oldConversationPolicy: "distribute_all" },
  });
  expect(forged.status()).toBe(403);
});
