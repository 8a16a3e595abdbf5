// A conversation's life between two agents' browsers, live: "Tạm vắng" sends the next customer to
// the colleague; "Đánh dấu đã xử lý" moves a conversation to "Đã xử lý" and the customer writing again
// brings it back to the same agent; "Chuyển cho…" moves it to the colleague's browser with a note.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorUrl, pageIdOf } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { signIn } from "./support/sign-in";
import { choosePage, fillRuleForm, ruleForm } from "./support/rule-form";
import { ensureConnected } from "./support/connect-page";
import { expectAccessible } from "./support/accessibility";

const SCREENS = "test-results/screens";
const PAGE_NAME = "Mỹ Phẩm Thiên Nhiên";

/** A customer writes to the page (a new one, or the one with `psid`); returns the customer's psid. */
async function customerWrites(text: string, customer: { psid: string } | { firstName: string; lastName: string }): Promise<string> {
  const sent = await fetch(`${emulatorUrl}/_emulator/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pageId: await pageIdOf(PAGE_NAME), text, ...("psid" in customer ? { psid: customer.psid } : { customer }) }),
  });
  expect(sent.ok).toBe(true);
  return ((await sent.json()) as { psid: string }).psid;
}

async function openInbox(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, email);
  await selectInboxTab(page, "Của tôi");
  return page;
}

async function setAvailability(page: Page, choice: "Sẵn sàng nhận chat" | "Tạm vắng") {
  await page.getByRole("button", { name: /Menu người dùng/ }).click();
  const radio = page.getByRole("menu").getByRole("radio", { name: choice });
  await radio.check();
  await expect(radio).toBeChecked();
  await page.keyboard.press("Escape");
}

const inTab = (page: Page, tab: string, text: string) => page.getByRole("listbox", { name: tab }).getByRole("option").filter({ hasText: text });

test("Tạm vắng, Đánh dấu đã xử lý with the customer writing again, and Chuyển cho… between two agents, live", async ({ browser, page: admin }) => {
  await signIn(admin, "admin@demo.vn");
  await ensureConnected(admin, PAGE_NAME);
  await admin.goto("/settings/rules/new");
  const form = ruleForm(admin);
  await choosePage(form, PAGE_NAME);
  await fillRuleForm(form, { name: `Xoay vòng ${Date.now()}`, members: ["ha@demo.vn", "minh@demo.vn"], method: "Chia xoay vòng" });
  await expect(form.getByRole("checkbox", { name: "Chỉ chia cho nhân viên sẵn sàng nhận chat" })).toBeChecked();
  await admin.screenshot({ path: `${SCREENS}/rule-form-distribution-options.png`, fullPage: true });
  await expectAccessible(admin, "rule form with distribution options");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(admin).toHaveURL(/\/settings\/rules$/);

  const [ha, minh] = await Promise.all([openInbox(browser, "ha@demo.vn"), openInbox(browser, "minh@demo.vn")]);

  await test.step("Hà is away: the next customer goes to Minh", async () => {
    await setAvailability(ha, "Tạm vắng");
    const text = `Còn son màu đỏ không shop? (${randomUUID().slice(0, 8)})`;
    await customerWrites(text, { firstName: "Thảo", lastName: "Vũ" });
    await expect(inTab(minh, "Của tôi", text)).toBeVisible();
    await expect(inTab(ha, "Của tôi", text)).toHaveCount(0);
    await admin.goto("/settings/staff");
    await expect(admin.getByRole("listitem").filter({ hasText: "ha@demo.vn" }).getByText("Tạm vắng")).toBeVisible();
    await ha.screenshot({ path: `${SCREENS}/inbox-away.png` });
  });

  const first = `Kem chống nắng giá bao nhiêu ạ? (${randomUUID().slice(0, 8)})`;
  let psid = "";
  await test.step("Hà marks her conversation done; the customer writes again and it reopens to her", async () => {
    await setAvailability(ha, "Sẵn sàng nhận chat");
    await setAvailability(minh, "Tạm vắng");
    psid = await customerWrites(first, { firstName: "Ngọc", lastName: "Lý" });
    await expect(inTab(ha, "Của tôi", first)).toBeVisible();
    await setAvailability(minh, "Sẵn sàng nhận chat");

    await inTab(ha, "Của tôi", first).click();
    await ha.getByRole("button", { name: "Thông tin" }).click();
    const panel = ha.getByRole("complementary", { name: "Thông tin hội thoại" });
    await panel.getByRole("button", { name: "Đánh dấu đã xử lý" }).click();
    await expect(panel.getByText("Đã chuyển hội thoại sang “Đã xử lý”.")).toBeVisible();
    await expect(inTab(ha, "Của tôi", first)).toHaveCount(0);
    await selectInboxTab(ha, "Đã xử lý");
    await expect(inTab(ha, "Đã xử lý", first)).toBeVisible();
    await ha.screenshot({ path: `${SCREENS}/inbox-done-tab.png` });
    await expectAccessible(ha, "the Đã xử lý tab");

    const again = `Mình muốn đặt thêm 1 hộp (${randomUUID().slice(0, 8)})`;
    await customerWrites(again, { psid });
    await selectInboxTab(ha, "Của tôi");
    await expect(inTab(ha, "Của tôi", again)).toBeVisible();
    await expect(inTab(minh, "Của tôi", again)).toHaveCount(0);
  });

  await test.step("Hà transfers it to Minh with a note: it leaves her inbox and appears in Minh's, live", async () => {
    const panel = ha.getByRole("complementary", { name: "Thông tin hội thoại" });
    if (!(await panel.isVisible())) await ha.getByRole("button", { name: "Thông tin" }).click();
    await panel.getByLabel("Chuyển cho…").selectOption({ label: "Trần Đức Minh" });
    await panel.getByLabel("Ghi chú cho người nhận (không bắt buộc)").fill("Khách quen, muốn đặt thêm");
    await panel.getByRole("button", { name: "Chuyển", exact: true }).click();

    const received = minh.getByRole("listbox", { name: "Của tôi" }).getByRole("option").filter({ hasText: "Ngọc" });
    await expect(received).toBeVisible();
    await expect(ha.getByRole("listbox", { name: "Của tôi" }).getByRole("option").filter({ hasText: "Ngọc" })).toHaveCount(0);
    await received.click();
    await minh.getByRole("button", { name: "Thông tin" }).click();
    await expect(minh.getByRole("complementary", { name: "Thông tin hội thoại" }).getByText("Ghi chú: Khách quen, muốn đặt thêm")).toBeVisible();
    await minh.screenshot({ path: `${SCREENS}/inbox-transfer-received.png` });
    await expectAccessible(minh, "a transferred conversation with its note");
  });
});
