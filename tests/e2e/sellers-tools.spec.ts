// What sellers use all day, end to end in Chromium against the Meta emulator: an admin defines a
// label and a shared template with a variable and an image; Hà answers a customer by typing "/phi",
// the customer receives the text with their own name and the image; she saves the phone number the
// customer wrote, labels the conversation, filters her list by the label, and writes a private note
// mentioning the admin, which the admin is told about and the customer never receives.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorControl, pageIdOf } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { signIn } from "./support/sign-in";
import { choosePage, fillRuleForm, ruleForm } from "./support/rule-form";
import { ensureConnected } from "./support/connect-page";
import { expectAccessible } from "./support/accessibility";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const PAGE_NAME = "Mỹ Phẩm Thiên Nhiên";
// A 96×64 pink PNG: the template's image.
const PRICE_LIST_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAaUlEQVR42u3QMQ0AAAgDsGlGHMoQgANujiZV0Ew1hygQJEiQIEGCBAlCkCBBggQJEiQIQYIECRIkSJAgBAkSJEiQIEGCBCFIkCBBggQJEoQgQYIECRIkSBCCBAkSJEiQIEGCECRIkKB/FkdLou9FfnOPAAAAAElFTkSuQmCC",
  "base64",
);

interface EmulatorMessage {
  direction: string;
  text?: string;
  attachments?: { type: string; url?: string }[];
}

/** The page in a round-robin rule of its own whose only member is Hà. */
async function routeToHa(admin: Page) {
  await ensureConnected(admin, PAGE_NAME);
  await admin.goto("/settings/rules/new");
  const form = ruleForm(admin);
  await choosePage(form, PAGE_NAME);
  await fillRuleForm(form, { name: `Chỉ Hà ${randomUUID().slice(0, 6)}`, members: ["ha@demo.vn"], method: "Chia xoay vòng" });
  await form.getByRole("checkbox", { name: "Chỉ chia cho nhân viên sẵn sàng nhận chat" }).uncheck();
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(admin).toHaveURL(/\/settings\/rules$/);
}

async function openInbox(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, email);
  await selectInboxTab(page, "Của tôi");
  return page;
}

const listOption = (page: Page, text: string) => page.getByRole("listbox", { name: "Của tôi" }).getByRole("option").filter({ hasText: text });
const bubble = (page: Page, text: string) => page.getByRole("list", { name: "Tin nhắn" }).getByRole("listitem").filter({ hasText: text });

test("a template with the customer's name and an image, the phone number kept, a label to filter by, and a note the customer never gets", async ({ browser, page: admin }) => {
  test.setTimeout(150_000);
  const run = randomUUID().slice(0, 4);
  const label = `Đã chốt đơn ${run}`;
  const shortcut = `phiship${run}`;
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  await routeToHa(admin);

  // The admin defines the label and the shared template.
  await admin.goto("/settings/labels");
  await admin.getByLabel("Tên nhãn").fill(label);
  await admin.getByRole("button", { name: "Thêm nhãn" }).click();
  await expect(admin.getByText(`Đã thêm nhãn “${label}”.`)).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/labels-settings.png`, fullPage: true });
  await expectAccessible(admin, "labels settings");

  await admin.goto("/settings/templates");
  await admin.getByRole("button", { name: "Thêm mẫu" }).click();
  const editor = admin.getByRole("dialog", { name: "Thêm mẫu mới" }).or(admin.getByRole("form", { name: "Thêm mẫu mới" }));
  await editor.getByRole("radio", { name: "Cả cửa hàng (mẫu dùng chung)" }).check();
  await editor.getByLabel("Phím tắt").fill(shortcut);
  await editor.getByLabel("Nội dung").fill("Dạ chào {ten_khach}, phí ship nội thành là 20.000đ ạ. {ma_don}");
  await expect(editor.getByText("Biến không có sẵn: {ma_don}.")).toBeVisible();
  await editor.getByLabel("Nội dung").fill("Dạ chào {ten_khach}, phí ship nội thành là 20.000đ ạ.");
  await editor.getByLabel("Thêm ảnh hoặc tệp").setInputFiles({ name: "bang-phi-ship.png", mimeType: "image/png", buffer: PRICE_LIST_PNG });
  await expect(editor.getByText("bang-phi-ship.png")).toBeVisible();
  await expect(editor.getByText("Đang tải lên…")).toHaveCount(0);
  await admin.screenshot({ path: `${SCREENS}/template-editor.png`, fullPage: true });
  await editor.getByRole("button", { name: "Lưu mẫu" }).click();
  await expect(admin.getByText(`Đã lưu mẫu “/${shortcut}”.`)).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/templates-settings.png`, fullPage: true });
  await expectAccessible(admin, "templates settings");

  // A customer asks about shipping and gives her number; the conversation goes to Hà.
  const ha = await openInbox(browser, "ha@demo.vn");
  const pageId = await pageIdOf(PAGE_NAME);
  const lastName = `Võ ${run}`;
  const question = `Phí ship về quận 7 bao nhiêu ạ? Số em 0912.345.678 ${run}`;
  const { psid } = await emulatorControl<{ psid: string }>("messages", { pageId, customer: { firstName: "Thảo", lastName }, text: question });
  const customerName = `${lastName} Thảo`;
  await listOption(ha, question).click();
  await expect(ha.getByRole("heading", { name: customerName })).toBeVisible();

  // "/phi" opens the templates; Enter inserts the text with her name, and the image.
  const composer = ha.getByRole("textbox", { name: "Nội dung tin nhắn" });
  await composer.click();
  await composer.pressSequentially("/phi");
  const picker = ha.getByRole("listbox", { name: "Tin nhắn mẫu" });
  await expect(picker.getByRole("option").filter({ hasText: `/${shortcut}` })).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/template-picker.png` });
  await composer.pressSequentially(`ship${run}`);
  await expect(picker.getByRole("option")).toHaveCount(1);
  await composer.press("Enter");
  const filled = `Dạ chào ${customerName}, phí ship nội thành là 20.000đ ạ.`;
  await expect(composer).toHaveValue(filled);
  await expect(ha.getByRole("list", { name: "Tệp đính kèm" })).toContainText("bang-phi-ship.png");
  await expect(ha.getByRole("list", { name: "Tệp đính kèm" })).not.toContainText("Đang tải lên…");
  await composer.press("Enter");
  await expect(bubble(ha, filled)).toHaveAttribute("data-status", /sent|delivered|read/);
  await expect
    .poll(async () => {
      const { messages } = await emulatorControl<{ messages: EmulatorMessage[] }>(`threads?pageId=${pageId}&psid=${psid}`);
      const out = messages.filter((message) => message.direction === "out");
      return { text: out.some((message) => message.text === filled), image: out.some((message) => message.attachments?.some((file) => file.type === "image")) };
    })
    .toEqual({ text: true, image: true });

  // The customer card offers the number she wrote; one click keeps it. Then the label.
  await ha.getByRole("button", { name: "Thông tin" }).click();
  const panel = ha.getByRole("complementary", { name: "Thông tin hội thoại" });
  await panel.getByRole("button", { name: "Lưu số này" }).click();
  await expect(panel.getByText("Đã lưu số")).toBeVisible();
  await expect(panel.getByLabel("Số điện thoại")).toHaveValue(/0912\s?345\s?678/);
  await panel.getByRole("button", { name: "Gắn nhãn" }).click();
  await panel.getByRole("listbox", { name: "Chọn nhãn để gắn" }).getByRole("option", { name: label }).click();
  await expect(panel.getByRole("button", { name: `Gỡ nhãn “${label}”` })).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/customer-card.png` });
  await expectAccessible(ha, "side panel with the customer card and labels");
  await ha.keyboard.press("Escape");

  // The list filtered by the label holds this conversation and nothing else.
  await ha.getByLabel("Lọc theo nhãn").selectOption({ label: `${label} (1)` });
  await expect(ha.getByRole("listbox", { name: "Của tôi" }).getByRole("option")).toHaveCount(1);
  await expect(listOption(ha, customerName)).toBeVisible();
  await expect(listOption(ha, customerName)).toContainText(label);

  // A private note mentioning the admin: the admin is told, the customer never receives it.
  const adminInbox = await openInbox(browser, "admin@demo.vn");
  await ha.getByRole("tab", { name: "Ghi chú nội bộ" }).click();
  const noteBox = ha.getByRole("combobox", { name: "Ghi chú nội bộ" });
  await noteBox.pressSequentially("Khách hẹn chuyển khoản chiều nay, nhờ anh ");
  await noteBox.pressSequentially("@Phạm");
  await ha.getByRole("listbox", { name: "Đồng nghiệp có thể nhắc tên" }).getByRole("option", { name: /Phạm Quốc Hùng/ }).click();
  const note = `kiểm tra giúp em ${run}`;
  await noteBox.pressSequentially(note);
  await ha.getByRole("button", { name: "Lưu ghi chú" }).click();
  const noteCard = ha.getByRole("article", { name: "Ghi chú nội bộ" }).or(ha.getByRole("listitem").filter({ has: ha.getByText("Ghi chú nội bộ") })).filter({ hasText: note });
  await expect(noteCard.first()).toBeVisible();
  await expect(noteCard.first()).toContainText("@Phạm Quốc Hùng");
  await ha.screenshot({ path: `${SCREENS}/private-note.png` });
  await expectAccessible(ha, "thread with a private note");
  await expect(adminInbox.getByText("Nguyễn Thu Hà nhắc đến bạn")).toBeVisible();
  const { messages } = await emulatorControl<{ messages: EmulatorMessage[] }>(`threads?pageId=${pageId}&psid=${psid}`);
  expect(messages.map((message) => message.text ?? "").filter((text) => text.includes(note))).toEqual([]);

  // The "?" overlay lists the shortcuts; the phone shows the thread with its note.
  await ha.locator("body").click({ position: { x: 5, y: 5 } });
  await ha.keyboard.press("?");
  await expect(ha.getByRole("dialog", { name: /Phím tắt/ })).toBeVisible();
  await ha.screenshot({ path: `${SCREENS}/shortcuts-overlay.png` });
  await ha.keyboard.press("Escape");
  await ha.setViewportSize(PHONE);
  await ha.screenshot({ path: `${SCREENS}/private-note-phone.png` });
  await expectAccessible(ha, "thread with a private note on a phone");
});
