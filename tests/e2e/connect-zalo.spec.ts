// Issue 11's acceptance in the Vietnamese UI against the Zalo emulator: an admin connects a Zalo OA
// through Zalo's (emulated) permission page, answers the same chat-permission question as for a
// fanpage and puts the OA in a new rule with a Facebook page; a Zalo user writes, the rule's agent
// sees it live beside a Messenger conversation and answers, and the answer reaches the user's Zalo.
// Then Zalo expires the access token: the next answer goes out after exactly one use of the refresh
// token, with no banner. Then Zalo revokes the refresh token: the OA turns "Cần kết nối lại", an
// answer waits ("Chờ kết nối lại"), the agent's open thread says so at once, and reconnecting the OA
// sends it and gives her the composer back, without a reload. The composer counts Zalo's 8 free
// replies down, and refuses before upload what Zalo would refuse, in Zalo's words.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorUrl, pageIdOf } from "./support/emulator";
import { ensureConnected } from "./support/connect-page";
import { signIn } from "./support/sign-in";
import { fillRuleForm, ruleForm } from "./support/rule-form";
import { expectAccessible } from "./support/accessibility";
import { selectInboxTab } from "./support/inbox-tabs";
import { oaIdOf, zaloControl, zaloEmulatorUrl } from "./support/zalo-emulator";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1366, height: 860 };
const OA_NAME = "Shop Thời Trang Mai";
const FACEBOOK_PAGE = "Shop Thời Trang Hoa Mai";
const AGENT = "lan@demo.vn";

// The second test reads the OA the first one connected (and its imported history).
test.describe.configure({ mode: "serial" });

const oaCards = (page: Page) => page.getByRole("list", { name: "Danh sách OA" });
const connectedOa = (page: Page) => page.getByRole("listitem", { name: OA_NAME }).filter({ has: page.getByRole("button", { name: "Ngắt kết nối" }) });
const listOption = (page: Page, text: string) => page.getByRole("listbox").getByRole("option").filter({ hasText: text });
const bubble = (page: Page, text: string) => page.getByRole("list", { name: "Tin nhắn" }).getByRole("listitem").filter({ hasText: text });

/** Signed in with the list loaded, so what arrives next comes live (not with the first page). */
async function openInbox(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, email);
  await expect(page.getByRole("tabpanel").getByRole("listbox").or(page.getByRole("heading", { name: "Bạn chưa có hội thoại nào" }))).toBeVisible();
  return page;
}

/** Zalo's permission page as its admin sees it: pick the OA, "Cho phép"; back in the app's Zalo settings. */
async function grantOnZalo(admin: Page) {
  await expect(admin.getByRole("heading", { name: /Cấp quyền cho ứng dụng/ })).toBeVisible();
  await admin.getByRole("radio", { name: new RegExp(OA_NAME) }).check();
  await admin.getByRole("button", { name: "Cho phép" }).click();
  await expect(admin).toHaveURL(/\/settings\/channels\/zalo$/);
}

/** Types and sends an answer; the composer empties, unless `composerMayGo` (the send itself may take the composer away). */
async function reply(agent: Page, text: string, { composerMayGo = false } = {}) {
  const composer = agent.getByRole("textbox", { name: "Nội dung tin nhắn" });
  await composer.fill(text);
  await composer.press("Enter");
  if (!composerMayGo) await expect(composer).toHaveValue("");
}

/** What the Zalo user reads: the emulator's customer page for this OA and user. */
async function expectOnCustomersZalo(browser: Browser, oaId: string, userId: string, text: string) {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await page.goto(`${zaloEmulatorUrl}/_emulator?oaId=${encodeURIComponent(oaId)}&userId=${encodeURIComponent(userId)}`);
  await expect(page.getByText(text)).toBeVisible();
  return page;
}

test("issue 11: a Zalo OA connected through Zalo's permission page, shared with a fanpage by a rule, answered live; token refresh and reconnect", async ({ page: admin, browser }) => {
  // Three browsers and two platforms' round trips: longer than one screen's spec.
  test.slow();
  const run = randomUUID().slice(0, 6);
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  await ensureConnected(admin, FACEBOOK_PAGE);

  // Cấu hình Kênh chat › Cấu hình Zalo: nothing granted yet.
  await admin.goto("/settings/channels");
  await admin.getByRole("region", { name: "Zalo Official Account" }).getByRole("link", { name: "Cấu hình Zalo" }).click();
  await expect(admin.getByRole("heading", { name: "Cấu hình Zalo" })).toBeVisible();
  await expect(admin.getByText("Chưa cấp quyền Zalo OA")).toBeVisible();
  await expectAccessible(admin, "zalo-1-settings");

  // "Thêm kết nối" → Zalo's permission page → the OA appears with "Kết nối OA này".
  await admin.getByRole("link", { name: "Thêm kết nối" }).click();
  await admin.screenshot({ path: `${SCREENS}/zalo-2-permission-page.png`, fullPage: true });
  await grantOnZalo(admin);
  await expect(admin.getByText("Đã cấp quyền trên Zalo. Chọn OA bên dưới")).toBeVisible();
  const card = oaCards(admin).getByRole("listitem", { name: OA_NAME });
  await expect(card.getByText("Chưa kết nối", { exact: true })).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/zalo-3-oas.png`, fullPage: true });
  await expectAccessible(admin, "zalo-3-oas");
  await card.getByRole("button", { name: "Kết nối OA này" }).click();

  // The same chat-permission question as for a fanpage, then a new rule with the OA and a fanpage.
  const chatStep = admin.getByRole("dialog", { name: new RegExp(`Quyền chat của .*${OA_NAME}`) });
  await expect(chatStep.getByRole("button", { name: "Không, chỉ mình tôi", exact: true })).toBeVisible();
  await chatStep.getByRole("button", { name: "Có, tiếp tục", exact: true }).click();
  await expect(chatStep.getByRole("radio", { name: /^Thêm vào quy tắc đã có/ })).toBeVisible();
  await chatStep.getByRole("radio", { name: /^Tạo quy tắc mới/ }).check();
  await chatStep.getByRole("button", { name: "Tiếp tục", exact: true }).click();
  const form = ruleForm(chatStep);
  // "Nguồn" lists fanpages and OAs together, each with its platform's mark.
  const sources = form.getByRole("group", { name: "Nguồn" });
  await expect(sources.getByRole("checkbox", { name: new RegExp(OA_NAME) })).toBeChecked();
  await expect(sources.getByRole("listitem").filter({ hasText: OA_NAME }).getByRole("img", { name: "Zalo" })).toBeVisible();
  await expect(sources.getByRole("listitem").filter({ hasText: FACEBOOK_PAGE }).getByRole("img", { name: "Facebook" })).toBeVisible();
  await sources.getByRole("checkbox", { name: new RegExp(FACEBOOK_PAGE) }).check();
  // "Chia hội thoại khả dựng" says what it means for Zalo.
  await expect(form.getByText(/Zalo: khách đã nhắn trong 7 ngày qua, nên vẫn còn trả lời được/)).toBeVisible();
  await fillRuleForm(form, { name: `Thời trang Zalo + Facebook ${run}`, members: [AGENT] });
  await admin.screenshot({ path: `${SCREENS}/zalo-4-rule.png` });
  await form.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(chatStep).toBeHidden();
  await expect(connectedOa(admin).getByText("Đã kết nối", { exact: true })).toBeVisible();
  await expect(connectedOa(admin)).toContainText("Chia theo quy tắc");
  await admin.screenshot({ path: `${SCREENS}/zalo-5-connected.png`, fullPage: true });
  await expectAccessible(admin, "zalo-5-connected");

  // A Zalo user writes (and a Messenger customer of the fanpage): the rule's agent sees both live.
  const lan = await openInbox(browser, AGENT);
  const oaId = await oaIdOf(OA_NAME);
  const question = `Shop ơi váy hoa còn size S không ạ? (${run})`;
  const written = await zaloControl<{ userId: string; delivery: { state: string } }>("messages", { oaId, newUserName: "Trương Mỹ Linh", text: question });
  expect(written.delivery.state).toBe("delivered");
  const zaloRow = listOption(lan, question);
  await expect(zaloRow).toBeVisible();
  await expect(zaloRow).toContainText(OA_NAME);
  await expect(zaloRow.getByRole("img", { name: "Zalo" })).toBeVisible();
  const messengerQuestion = `Áo khoác còn màu be không shop? (${run})`;
  await fetch(`${emulatorUrl}/_emulator/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pageId: await pageIdOf(FACEBOOK_PAGE), customer: { firstName: "Quỳnh", lastName: "Đoàn" }, text: messengerQuestion }),
  });
  await expect(listOption(lan, messengerQuestion).getByRole("img", { name: "Facebook" })).toBeVisible();

  // The filter (its choices are the channels she had conversations on when the page loaded) narrows
  // the list to Zalo.
  await lan.reload();
  await lan.getByRole("combobox", { name: "Lọc theo kênh" }).selectOption({ label: "Tất cả Zalo" });
  await expect(listOption(lan, messengerQuestion)).toHaveCount(0);
  await expect(zaloRow).toBeVisible();
  await lan.getByRole("combobox", { name: "Lọc theo kênh" }).selectOption({ label: "Tất cả kênh" });
  await expect(listOption(lan, messengerQuestion)).toBeVisible();

  // She answers; the answer reaches the user's Zalo.
  await zaloRow.click();
  await expect(lan.getByRole("heading", { name: "Trương Mỹ Linh" })).toBeVisible();
  await expect(lan.getByText("Còn 47 giờ trả lời miễn phí · còn 8 tin miễn phí")).toBeVisible();
  await lan.screenshot({ path: `${SCREENS}/zalo-6-inbox.png` });
  await expectAccessible(lan, "zalo-6-inbox");
  const answer = `Dạ còn size S ạ, chị lấy màu nào ạ? (${run})`;
  await reply(lan, answer);
  await expect(bubble(lan, answer)).toHaveAttribute("data-status", /sent|delivered|read/);
  // Each reply spends one of the 8 free ones Zalo allows after the customer's message.
  await expect(lan.getByText("Còn 47 giờ trả lời miễn phí · còn 7 tin miễn phí")).toBeVisible();
  const customer = await expectOnCustomersZalo(browser, oaId, written.userId, answer);
  await customer.screenshot({ path: `${SCREENS}/zalo-7-customer-page.png`, fullPage: true });

  // Zalo expires the access token: the next answer still goes out, after one use of the refresh token.
  await zaloControl("tokens/expire", { oaId });
  const afterExpiry = `Màu xanh còn đủ size ạ. (${run})`;
  await reply(lan, afterExpiry);
  await expect(bubble(lan, afterExpiry)).toHaveAttribute("data-status", /sent|delivered|read/);
  const { uses } = await zaloControl<{ uses: unknown[] }>(`tokens/refresh-uses?oaId=${encodeURIComponent(oaId)}`);
  expect(uses).toHaveLength(1);
  await customer.reload();
  await expect(customer.getByText(afterExpiry)).toBeVisible();
  await admin.reload();
  await expect(connectedOa(admin).getByText("Đã kết nối", { exact: true })).toBeVisible();
  await expect(admin.getByText(/cần kết nối lại/)).toHaveCount(0);

  // Zalo revokes the refresh token: the OA needs reconnecting and the answer waits for it.
  await zaloControl("tokens/revoke-refresh", { oaId });
  await zaloControl("tokens/expire", { oaId });
  const waiting = `Chị chuyển khoản giúp em nhé. (${run})`;
  // The failed refresh marks the OA at once, and the thread replaces the composer: it may be gone
  // before it could be seen empty.
  await reply(lan, waiting, { composerMayGo: true });
  await expect(connectedOa(admin).getByText("Cần kết nối lại", { exact: true })).toBeVisible();
  // Her open thread follows at once, in Zalo's words (an OA, not a "Trang").
  const footer = lan.getByRole("status").filter({ hasText: `OA ${OA_NAME} cần được kết nối lại. Quản trị viên hoặc người đã kết nối OA cần kết nối lại để trả lời.` });
  await expect(footer).toBeVisible();
  await expect(lan.getByRole("textbox", { name: "Nội dung tin nhắn" })).toHaveCount(0);
  await expect(bubble(lan, waiting)).toContainText("Chờ kết nối lại");
  await lan.screenshot({ path: `${SCREENS}/zalo-8-waiting.png` });

  // Reconnecting (a new grant on Zalo's page, then "Kết nối lại") sends it.
  await connectedOa(admin).getByRole("link", { name: "Kết nối lại" }).click();
  await grantOnZalo(admin);
  await connectedOa(admin).getByRole("button", { name: "Kết nối lại" }).click();
  await expect(connectedOa(admin).getByText("Đã kết nối", { exact: true })).toBeVisible();
  await expect(bubble(lan, waiting)).toHaveAttribute("data-status", /sent|delivered|read/);
  await expect(footer).toBeHidden();
  await expect(lan.getByRole("textbox", { name: "Nội dung tin nhắn" })).toBeVisible();
  await customer.reload();
  await expect(customer.getByText(waiting)).toBeVisible();
});

test("the composer follows Zalo: a reply after 48 h is warned about as paid, a file Zalo cannot take is refused before upload, the length limit is Zalo's", async ({ page: admin }) => {
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  // The demo OA's history is imported once it is connected: Đặng Thị Hồng last wrote 3 days ago.
  await admin.goto("/settings/channels/zalo");
  await expect(connectedOa(admin).getByText(/Đã đồng bộ \d+ hội thoại/)).toBeVisible({ timeout: 30_000 });
  await admin.goto("/inbox");
  await selectInboxTab(admin, "Tất cả");
  // Other specs' histories may push her below the first page: find her by name.
  await admin.getByRole("searchbox", { name: "Tìm theo tên khách, nội dung tin nhắn hoặc số điện thoại" }).fill("Đặng Thị Hồng");
  const row = listOption(admin, "Đặng Thị Hồng");
  await expect(row.getByRole("img", { name: "Zalo" })).toBeVisible();
  await row.click();
  const warning = admin.getByRole("status").filter({ hasText: "Tin này sẽ tính phí." });
  await expect(warning).toContainText("hạn mức tin nhắn trả phí của Zalo");
  await expect(warning).toContainText("Còn 3 ngày để trả lời.");
  await admin.screenshot({ path: `${SCREENS}/zalo-9-paid-quota.png` });
  await expectAccessible(admin, "zalo-9-paid-quota");

  // Over Zalo's 1 MB image limit: refused in the composer with the limit named, never uploaded.
  const uploads: string[] = [];
  admin.on("request", (request) => request.url().includes("/api/uploads") && uploads.push(request.url()));
  await admin.getByLabel("Đính kèm tệp").setInputFiles({ name: "ao-khoac.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(1024 * 1024 + 1) });
  await expect(admin.getByRole("list", { name: "Tệp đính kèm" })).toContainText("Quá lớn, chưa tải lên: Zalo chỉ nhận ảnh tối đa 1 MB.");
  await admin.screenshot({ path: `${SCREENS}/zalo-10-image-too-large.png` });
  // A kind Zalo does not send (a GIF, a ZIP): refused with the formats it takes named.
  await admin.getByLabel("Đính kèm tệp").setInputFiles({ name: "bang-gia.zip", mimeType: "application/zip", buffer: Buffer.alloc(2048) });
  await expect(admin.getByRole("list", { name: "Tệp đính kèm" }).getByRole("listitem").filter({ hasText: "bang-gia.zip" })).toContainText(
    "Zalo không gửi được loại tệp này, chỉ nhận ảnh JPG, PNG và tệp PDF, DOC, DOCX.",
  );
  expect(uploads).toEqual([]);
  // Zalo's length limit, in Zalo's name.
  await admin.getByRole("textbox", { name: "Nội dung tin nhắn" }).fill("a".repeat(2001));
  await expect(admin.getByText("Tin nhắn dài quá 2000 ký tự, Zalo sẽ không nhận.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Gửi", exact: true })).toBeDisabled();
});
