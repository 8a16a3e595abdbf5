// The inbox end to end in Chromium, against the production build and the Meta emulator: a page
// connected through the wizard and shared with Hà by a round-robin rule; a customer's message appears
// in Hà's open inbox without a reload, she answers, the customer receives it, delivery and read ticks
// follow, a failed send is retried — and Minh, another agent, never sees any of it.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorUrl } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { signIn } from "./support/sign-in";
import { fillRuleForm, ruleForm } from "./support/rule-form";
import { expectAccessible } from "./support/accessibility";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const PAGE_NAME = "Đồ Gia Dụng Tiện Lợi";

async function emulator<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${emulatorUrl}/_emulator/${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Through the wizard: Bình's Facebook login, her page "Đồ Gia Dụng Tiện Lợi", shared by a new round-robin rule for Hà alone. */
async function connectSharedWithHa(admin: Page) {
  await admin.goto("/settings/channels/facebook");
  await admin.getByRole("link", { name: "Thêm kết nối" }).click();
  await admin.getByRole("button", { name: "Tiếp tục dưới tên Trần Thị Bình" }).click();
  await admin.getByRole("button", { name: "Tiếp tục" }).click();
  await admin.getByRole("button", { name: "Xong" }).click();
  const item = admin.getByRole("list", { name: "Danh sách fanpage" }).getByRole("listitem", { name: PAGE_NAME });
  await item.getByRole("button", { name: "Kết nối fanpage này" }).click();
  const step = admin.getByRole("dialog", { name: `Quyền chat của fanpage ${PAGE_NAME}` });
  await step.getByRole("button", { name: /Có, tiếp tục/ }).click();
  await step.getByRole("radio", { name: /^Tạo quy tắc mới/ }).check();
  await step.getByRole("button", { name: "Tiếp tục" }).click();
  const form = ruleForm(step);
  await fillRuleForm(form, { name: `Gia dụng ${randomUUID().slice(0, 6)}`, members: ["ha@demo.vn"] });
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(step).toBeHidden();
  await expect(admin.getByRole("list", { name: "Fanpage đã kết nối" }).getByRole("listitem", { name: PAGE_NAME }).getByText("Đã kết nối")).toBeVisible();
}

async function openInbox(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, email);
  await expect(page.getByRole("status").filter({ hasText: "Đang trực tuyến" })).toBeVisible();
  return page;
}

const listOption = (page: Page, text: string) => page.getByRole("listbox").getByRole("option").filter({ hasText: text });
const bubble = (page: Page, text: string) => page.getByRole("list", { name: "Tin nhắn" }).getByRole("listitem").filter({ hasText: text });

test("a customer's message reaches the assigned agent live; her reply is delivered, read, and retried after a failure", async ({ browser, page: admin }) => {
  // Three browsers, a quote, a failure and a retry, and accessibility checks of seven screens.
  test.setTimeout(120_000);
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  await connectSharedWithHa(admin);
  const pageId = (await emulator<{ pages: { id: string; name: string }[] }>("world")).pages.find((page) => page.name === PAGE_NAME)!.id;

  const [ha, minh] = await Promise.all([openInbox(browser, "ha@demo.vn"), openInbox(browser, "minh@demo.vn")]);
  await expect(ha.getByRole("heading", { name: "Bạn chưa có hội thoại nào" })).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/inbox-0-empty.png` });
  await expectAccessible(ha, "inbox-0-empty");

  // The customer writes; Hà's open inbox shows it without a reload, with the unread count in the title.
  const question = `Shop ơi nồi chiên không dầu còn hàng không ạ? ${randomUUID().slice(0, 6)}`;
  const { psid } = await emulator<{ psid: string }>("messages", { body: { pageId, customer: { firstName: "Lan", lastName: "Phạm" }, text: question } });
  const row = listOption(ha, question);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Phạm Lan");
  await expect(row).toContainText(PAGE_NAME);
  await expect(ha).toHaveTitle("(1) Chat đa kênh");
  await expect(ha.getByRole("tab", { name: /Của tôi/ })).toContainText("1");
  await ha.screenshot({ path: `${SCREENS}/inbox-1-new-message.png` });

  // Opening it shows the thread and the reply window; the unread count clears.
  await row.click();
  await expect(ha.getByRole("heading", { name: "Phạm Lan" })).toBeVisible();
  await expect(bubble(ha, question)).toBeVisible();
  await expect(ha.getByText("Còn 23 giờ để trả lời")).toBeVisible();
  await expect(ha).toHaveTitle("Chat đa kênh");

  // Hà answers with Enter: pending, then sent, delivered (the emulator's phone got it) and read.
  const answer = `Dạ còn ạ, chị cần size nào ạ? ${randomUUID().slice(0, 6)}`;
  const composer = ha.getByRole("textbox", { name: "Nội dung tin nhắn" });
  await composer.fill(answer);
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  const reply = bubble(ha, answer);
  await expect(reply).toBeVisible();
  await expect(reply).toHaveAttribute("data-status", "delivered");
  await expect(reply.getByRole("img", { name: "Đã nhận" })).toBeVisible();
  const thread = await emulator<{ messages: { direction: string; text?: string; delivered: boolean }[] }>(`threads?pageId=${pageId}&psid=${psid}`);
  expect(thread.messages.filter((message) => message.direction === "out").map((message) => message.text)).toContain(answer);
  await emulator("reads", { body: { pageId, psid } });
  await expect(reply).toHaveAttribute("data-status", "read");
  await expect(reply.getByRole("img", { name: "Đã xem" })).toBeVisible();

  // A second customer message arrives in the open thread.
  const followUp = `Size M nhé shop ${randomUUID().slice(0, 6)}`;
  await emulator("messages", { body: { pageId, psid, text: followUp } });
  await expect(bubble(ha, followUp)).toBeVisible();

  // Hà quotes it from the keyboard ("Trả lời"): the composer shows the quote, the reply shows it above
  // its text, and Facebook has the reply quoting the customer's message.
  await bubble(ha, followUp).getByRole("button", { name: `Trả lời, trích dẫn tin nhắn “${followUp}”` }).focus();
  await ha.keyboard.press("Enter");
  await expect(ha.getByTestId("composer-quote")).toContainText(`Trả lời khách: ${followUp}`);
  await expect(composer).toBeFocused();
  const quoting = `Dạ size M còn màu đen ạ ${randomUUID().slice(0, 6)}`;
  await composer.fill(quoting);
  await composer.press("Enter");
  await expect(ha.getByTestId("composer-quote")).toBeHidden();
  await expect(bubble(ha, quoting)).toContainText(`Trả lời khách: ${followUp}`);
  await expect(bubble(ha, quoting)).toHaveAttribute("data-status", /sent|delivered|read/);
  const quoted = await emulator<{ messages: { mid: string; direction: string; text?: string; replyToMid?: string }[] }>(`threads?pageId=${pageId}&psid=${psid}`);
  const customerMid = quoted.messages.find((message) => message.text === followUp)?.mid;
  expect(quoted.messages.find((message) => message.text === quoting)).toMatchObject({ direction: "out", replyToMid: customerMid });

  // Facebook refuses the next send: the bubble says why and "Thử lại" sends it once Facebook accepts.
  await emulator("faults", { body: { kind: "permission_missing", match: { pageId }, times: 50 } });
  const refused = `Em gửi chị bảng giá ạ ${randomUUID().slice(0, 6)}`;
  await composer.fill(refused);
  await ha.getByRole("button", { name: "Gửi" }).click();
  const failed = bubble(ha, refused);
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expect(failed.getByRole("alert")).toContainText("Không gửi được: Facebook từ chối: ứng dụng thiếu quyền");
  await ha.screenshot({ path: `${SCREENS}/inbox-2-thread-failed.png` });
  await expectAccessible(ha, "inbox-2-thread-failed");
  await emulator("faults", { method: "DELETE" });
  await failed.getByRole("button", { name: "Thử lại" }).click();
  await expect(bubble(ha, refused)).toHaveAttribute("data-status", /sent|delivered|read/);
  await expect(bubble(ha, refused).getByRole("alert")).toHaveCount(0);
  await ha.screenshot({ path: `${SCREENS}/inbox-3-thread-laptop.png` });

  // The side panel: who has the conversation and why; Escape closes it.
  await ha.getByRole("button", { name: "Thông tin" }).click();
  await expect(ha.getByRole("complementary", { name: "Thông tin hội thoại" })).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/inbox-4-side-panel.png` });
  await expectAccessible(ha, "inbox-4-side-panel");
  await ha.keyboard.press("Escape");
  await expect(ha.getByRole("complementary", { name: "Thông tin hội thoại" })).toBeHidden();

  // The admin sees it under "Tất cả"; Minh, outside the rule, never sees it — not live, not after a
  // reload, not by its address.
  await admin.goto("/inbox");
  await selectInboxTab(admin, "Tất cả");
  await expect(listOption(admin, "Phạm Lan").first()).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/inbox-5-admin-all.png` });
  await expectAccessible(admin, "inbox-5-admin-all");
  for (const tab of ["Của tôi", "Chờ nhận"]) {
    await selectInboxTab(minh, tab);
    await expect(minh.getByRole("tabpanel")).not.toContainText("Phạm Lan");
  }
  // After a reload too (other specs may have given Minh conversations of his own, so his list is
  // not necessarily empty: what matters is that this customer is not in it).
  await minh.reload();
  await selectInboxTab(minh, "Của tôi");
  await expect(minh.getByRole("tabpanel")).toBeVisible();
  await expect(minh.getByRole("tabpanel")).not.toContainText("Phạm Lan");
  const conversationId = new URL(ha.url()).searchParams.get("c");
  expect(conversationId).toBeTruthy();
  await minh.goto(`/inbox?c=${conversationId}`);
  await expect(minh.getByText("Không tìm thấy hội thoại, hoặc bạn không có quyền xem hội thoại này.")).toBeVisible();
  expect((await minh.request.get(`/api/conversations/${conversationId}`)).status()).toBe(404);
  expect((await minh.request.get(`/api/conversations/${conversationId}/messages`)).status()).toBe(404);
  await expect(minh.getByText(question)).toHaveCount(0);

  // Nothing typed is lost: a draft survives a reload. The list works from the keyboard.
  await composer.fill("Bản nháp chưa gửi");
  await ha.goto("/inbox");
  await listOption(ha, "Phạm Lan").focus();
  await ha.keyboard.press("Enter");
  await expect(composer).toHaveValue("Bản nháp chưa gửi");
  await composer.fill("");

  // On a phone: the list and the thread are two screens with a back button.
  await ha.setViewportSize(PHONE);
  await ha.goto("/inbox");
  await expect(listOption(ha, "Phạm Lan")).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/inbox-6-phone-list.png` });
  await expectAccessible(ha, "inbox-6-phone-list");
  await listOption(ha, "Phạm Lan").click();
  await expect(bubble(ha, answer)).toBeVisible();
  await expect(ha.getByRole("listbox")).toBeHidden();
  await ha.screenshot({ path: `${SCREENS}/inbox-7-phone-thread.png` });
  await expectAccessible(ha, "inbox-7-phone-thread");
  await ha.getByRole("button", { name: "Quay lại danh sách" }).click();
  await expect(listOption(ha, "Phạm Lan")).toBeVisible();
});
