// "Tự nhận hội thoại" with two agents' browsers side by side: a customer's new conversation shows in
// both "Chờ nhận" queues, one agent presses "Nhận chat", it leaves the other's queue without a
// reload, and the other can neither send nor claim it.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorUrl, pageIdOf } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { signIn } from "./support/sign-in";
import { choosePage, fillRuleForm, ruleForm } from "./support/rule-form";
import { expectAccessible } from "./support/accessibility";
import { ensureConnected } from "./support/connect-page";

const SCREENS = "test-results/screens";
const PAGE_NAME = "Cửa Hàng Lâu Năm";

async function openQueue(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, email);
  await selectInboxTab(page, "Chờ nhận");
  return page;
}

test("one of two agents claims a waiting conversation; it leaves the other's queue at once", async ({ browser, page: admin }) => {
  await signIn(admin, "admin@demo.vn");
  await ensureConnected(admin, PAGE_NAME);

  // The page goes into a new self-claim rule for Hà and Minh, through the rule form.
  await admin.goto("/settings/rules/new");
  const form = ruleForm(admin);
  await choosePage(form, PAGE_NAME);
  await fillRuleForm(form, { name: `Tự nhận ${Date.now()}`, members: ["ha@demo.vn", "minh@demo.vn"], method: "Tự nhận hội thoại" });
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(admin).toHaveURL(/\/settings\/rules$/);

  const [ha, minh] = await Promise.all([openQueue(browser, "ha@demo.vn"), openQueue(browser, "minh@demo.vn")]);

  // A customer writes: the new conversation appears in both queues, live.
  const text = `Chị ơi còn bộ nồi inox không ạ? (${randomUUID().slice(0, 8)})`;
  const sent = await fetch(`${emulatorUrl}/_emulator/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pageId: await pageIdOf(PAGE_NAME), customer: { firstName: "Hương", lastName: "Đỗ" }, text }),
  });
  expect(sent.ok).toBe(true);
  const inQueue = (page: Page) => page.getByRole("listbox", { name: "Chờ nhận" }).getByRole("option").filter({ hasText: text });
  await expect(inQueue(ha)).toBeVisible();
  await expect(inQueue(minh)).toBeVisible();

  // Both open it read-only; Hà claims it.
  await inQueue(minh).click();
  await expect(minh.getByRole("button", { name: "Nhận chat" })).toBeVisible();
  await inQueue(ha).click();
  await ha.screenshot({ path: `${SCREENS}/self-claim-1-waiting.png` });
  await expectAccessible(ha, "self-claim-1-waiting");
  await ha.getByRole("button", { name: "Nhận chat" }).click();
  await expect(ha.getByRole("button", { name: "Nhận chat" })).toHaveCount(0);

  // Minh's queue drops it without a reload, and he is told who took it.
  await expect(inQueue(minh)).toHaveCount(0);
  await expect(minh.getByText("Hội thoại đã được nhận bởi Nguyễn Thu Hà")).toBeVisible();
  await expect(minh.getByRole("button", { name: "Nhận chat" })).toHaveCount(0);
  await minh.screenshot({ path: `${SCREENS}/self-claim-2-lost.png` });
  await expectAccessible(minh, "self-claim-2-lost");

  // Forged requests from Minh change nothing: no reply, no second claim.
  const conversationId = new URL(ha.url()).searchParams.get("c");
  expect(conversationId).toBeTruthy();
  const forgedText = `Dạ em chào chị (${randomUUID().slice(0, 8)})`;
  const reply = await minh.request.post(`/api/conversations/${conversationId}/messages`, { data: { clientMessageId: randomUUID(), text: forgedText } });
  // Refused: 403 while he could still see it, 404 once it is no longer his to see.
  expect([403, 404]).toContain(reply.status());
  const thread = await ha.request.get(`/api/conversations/${conversationId}/messages`);
  expect(thread.ok()).toBe(true);
  expect(await thread.text()).not.toContain(forgedText);
  const claim = await minh.request.post(`/api/conversations/${conversationId}/claim`);
  expect(claim.status()).toBe(409);
  expect((await claim.json()).error.params).toEqual({ reason: "claimed", name: "Nguyễn Thu Hà" });

  // Item 7: reloading, Minh is told the same as live, not that the conversation does not exist.
  await minh.reload();
  await expect(minh.getByText("Hội thoại đã được nhận bởi Nguyễn Thu Hà")).toBeVisible();
  await expect(minh.getByText(/Không tìm thấy hội thoại/)).toHaveCount(0);
  const history = await (await ha.request.get(`/api/conversations/${conversationId}/assignment-history`)).json();
  expect(history.assignment).toMatchObject({ assignee: { name: "Nguyễn Thu Hà" }, events: [{ kind: "claimed", to: { name: "Nguyễn Thu Hà" } }] });
  await Promise.all([ha.context().close(), minh.context().close()]);
});

test("item 8: switching a self-claim rule to Chia xoay vòng asks first, with the number of waiting conversations", async ({ page: admin }) => {
  await admin.setViewportSize({ width: 1366, height: 860 });
  await signIn(admin, "admin@demo.vn");
  await ensureConnected(admin, PAGE_NAME);
  const name = `Tự nhận ${Date.now()}`;
  await admin.goto("/settings/rules/new");
  const form = ruleForm(admin);
  await choosePage(form, PAGE_NAME);
  await fillRuleForm(form, { name, members: ["ha@demo.vn", "minh@demo.vn"], method: "Tự nhận hội thoại" });
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(admin).toHaveURL(/\/settings\/rules$/);

  const sent = await fetch(`${emulatorUrl}/_emulator/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pageId: await pageIdOf(PAGE_NAME), customer: { firstName: "Lan", lastName: "Vũ" }, text: `Shop ơi (${randomUUID().slice(0, 8)})` }),
  });
  expect(sent.ok).toBe(true);
  const card = admin.getByRole("article", { name });
  await expect(async () => {
    await admin.reload();
    await expect(card.getByText("1 hội thoại chờ nhận")).toBeVisible({ timeout: 1_000 });
  }).toPass();

  // Item 10: the edit form is taller than a laptop screen, and "Lưu" is on screen all the same.
  await card.getByRole("link", { name: `Sửa quy tắc ${name}` }).click();
  await expect(form.getByRole("button", { name: "Lưu", exact: true })).toBeInViewport();

  await form.getByRole("radio", { name: /^Chia xoay vòng/ }).check();
  const question = form.getByRole("group", { name: "1 hội thoại đang chờ trong “Chờ nhận”" });
  await expect(question.getByRole("radio", { name: /^Chia ngay cho nhân viên/ })).not.toBeChecked();
  await expect(question.getByRole("radio", { name: /^Để tiếp tục chờ/ })).not.toBeChecked();
  await form.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(question.getByText("1 hội thoại đang chờ nhận. Hãy chọn chia ngay hay để tiếp tục chờ.")).toBeInViewport();
  await expect(admin).not.toHaveURL(/\/settings\/rules$/);
  await admin.screenshot({ path: `${SCREENS}/rules-4-switch-method.png` });
  await expectAccessible(admin, "rules-4-switch-method");

  // Kept waiting: the rule is round-robin now, and the conversation still waits to be claimed.
  await question.getByRole("radio", { name: /^Để tiếp tục chờ/ }).check();
  await form.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(admin).toHaveURL(/\/settings\/rules$/);
  await expect(card.getByText("Chia xoay vòng")).toBeVisible();
  await expect(card.getByText("1 hội thoại chờ nhận")).toBeVisible();
});
