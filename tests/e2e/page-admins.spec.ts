// Page admins who are not workspace admins (issue 16), in Chromium against the production build and
// the Meta emulator: with "Nhân viên được tự kết nối Trang của mình" on, Lan (an agent) logs in to
// Facebook as Trần Thị Bình, who administers "Đồ Gia Dụng Tiện Lợi", connects it "Không, chỉ mình
// tôi"; a customer writes and only she sees it. The admin sees the channel with her name and moves it
// into a rule, which Lan reads under "Thay đổi gần đây"; with the setting off she is refused the screen.
// Then "Tiếp quản", and deactivating a salesperson whose "only me" page must first go somewhere.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { emulatorControl, pageIdOf } from "./support/emulator";
import { signIn } from "./support/sign-in";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1366, height: 800 };
const PAGE_NAME = "Đồ Gia Dụng Tiện Lợi";
const LAN = "Lê Thị Lan";

async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, email);
  return page;
}

const connectedList = (page: Page) => page.getByRole("list", { name: "Fanpage đã kết nối" });
const pagesOf = (page: Page) => page.getByRole("list", { name: "Danh sách fanpage" });

/** "Cài đặt cửa hàng": the staff setting on or off, saved. */
async function setStaffMayConnect(admin: Page, on: boolean) {
  await admin.goto("/settings/shop");
  await admin.getByRole("checkbox", { name: "Nhân viên được tự kết nối Trang của mình" }).setChecked(on);
  await admin.getByRole("button", { name: "Lưu" }).click();
  await expect(admin.getByText("Đã lưu cài đặt cửa hàng.")).toBeVisible();
}

/** "Thêm kết nối" through the emulated Facebook dialog, as Trần Thị Bình, who administers PAGE_NAME. */
async function logInAsBinh(page: Page) {
  await page.goto("/settings/channels/facebook");
  await page.getByRole("link", { name: "Thêm kết nối" }).click();
  await page.getByRole("button", { name: "Tiếp tục dưới tên Trần Thị Bình" }).click();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("button", { name: "Xong" }).click();
}

/** Bình's login, then PAGE_NAME connected "Không, chỉ mình tôi". */
async function connectOnlyMeAsBinh(page: Page) {
  await logInAsBinh(page);
  const pages = pagesOf(page);
  await expect(pages.getByRole("listitem", { name: "Shop Thời Trang Hoa Mai" }).getByText("Bạn chỉ có thể kết nối các Trang mà bạn đang là quản trị viên")).toBeVisible();
  await pages.getByRole("listitem", { name: PAGE_NAME }).getByRole("button", { name: /Kết nối (fanpage này|lại)/ }).click();
  const step = page.getByRole("dialog", { name: `Quyền chat của fanpage ${PAGE_NAME}` });
  await step.getByRole("button", { name: /Không, chỉ mình tôi/ }).click();
  await expect(step).toBeHidden();
  await expect(connectedList(page).getByRole("listitem", { name: PAGE_NAME }).getByText("Đã kết nối")).toBeVisible();
}

/** An earlier spec may have connected the page (inbox.spec, as the admin): it starts disconnected here. */
async function ensureDisconnected(admin: Page) {
  await admin.goto("/settings/channels/facebook");
  const row = connectedList(admin).getByRole("listitem", { name: PAGE_NAME });
  if ((await row.count()) === 0 || (await row.getByText("Đã ngắt kết nối", { exact: true }).count()) > 0) return;
  await row.getByRole("button", { name: "Ngắt kết nối" }).click();
  await admin.getByRole("dialog", { name: `Ngắt kết nối ${PAGE_NAME}?` }).getByRole("button", { name: "Ngắt kết nối" }).click();
  await expect(row.getByText("Đã ngắt kết nối", { exact: true })).toBeVisible();
}

test("an agent connects the page she administers for herself; the admin sees it under her name and shares it; with the setting off she is refused", async ({ browser, page: admin }) => {
  test.setTimeout(120_000);
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  await setStaffMayConnect(admin, true);
  await ensureDisconnected(admin);
  const ruleName = `Đồ gia dụng ${randomUUID().slice(0, 6)}`;
  const created = await admin.request.post("/api/rules", {
    data: { name: ruleName, sourceChannelIds: [], memberEmails: ["ha@demo.vn"], method: "round_robin", oldConversationPolicy: "keep_unassigned" },
  });
  expect(created.status()).toBe(201);

  // Lan sees "Cấu hình Kênh chat" and connects Bình's page; a page Bình only edits stays greyed out.
  const lan = await openAs(browser, "lan@demo.vn");
  await lan.getByRole("link", { name: "Cấu hình Kênh chat" }).first().click();
  await expect(lan.getByRole("heading", { name: "Cấu hình Kênh chat", level: 1 })).toBeVisible();
  await connectOnlyMeAsBinh(lan);
  await lan.screenshot({ path: `${SCREENS}/page-admins-1-agent-connected.png` });

  // A customer writes: the conversation reaches Lan's inbox, and Hà (another agent) never sees it.
  const question = `Nồi cơm điện còn không shop? ${randomUUID().slice(0, 6)}`;
  await emulatorControl("messages", { pageId: await pageIdOf(PAGE_NAME), customer: { firstName: "Tú", lastName: "Vũ" }, text: question });
  await lan.goto("/inbox");
  await expect(lan.getByRole("listbox").getByRole("option").filter({ hasText: question })).toBeVisible();
  const ha = await openAs(browser, "ha@demo.vn");
  for (const tab of ["mine", "queue"]) {
    const found = await ha.request.get(`/api/conversations?tab=${tab}&q=${encodeURIComponent(question.slice(-6))}`);
    expect(((await found.json()) as { conversations: unknown[] }).conversations).toHaveLength(0);
  }

  // Her page's token dies while her tab is in the background: her reply waits, and the banner and a
  // desktop notification reach her, not only admins; "Kết nối lại" brings the page back.
  await lan.evaluate(() => {
    const shown: string[] = [];
    Object.assign(window, { shownNotifications: shown });
    Object.defineProperty(document, "visibilityState", { get: () => "hidden", configurable: true });
    window.Notification = class {
      static permission = "granted";
      constructor(title: string) {
        shown.push(title);
      }
      close() {}
    } as unknown as typeof Notification;
  });
  await emulatorControl("tokens/invalidate", { pageId: await pageIdOf(PAGE_NAME), reason: "expired" });
  await lan.getByRole("listbox").getByRole("option").filter({ hasText: question }).click();
  const composer = lan.getByRole("textbox", { name: "Nội dung tin nhắn" });
  await composer.fill("Dạ còn ạ, chị cần mấy lít?");
  // Her typing indicator may already meet the dead token and take the composer away before Enter.
  await lan.keyboard.press("Enter");
  const banner = lan.getByRole("status").filter({ hasText: "fanpage cần kết nối lại" });
  await expect(banner).toBeVisible();
  await expect.poll(() => lan.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toContain(`Cần kết nối lại ${PAGE_NAME}`);
  await lan.screenshot({ path: `${SCREENS}/page-admins-1b-agent-reconnect-banner.png` });
  await banner.getByRole("link", { name: "Kết nối lại" }).click();
  // The expired session took Bình's Facebook login with it: she logs in again and reconnects.
  await logInAsBinh(lan);
  await pagesOf(lan).getByRole("listitem", { name: PAGE_NAME }).getByRole("button", { name: "Kết nối lại" }).click();
  await expect(connectedList(lan).getByRole("listitem", { name: PAGE_NAME }).getByText("Đã kết nối")).toBeVisible();
  await expect(banner).toBeHidden();

  // The admin sees the channel with Lan's name and moves it into the rule.
  await admin.goto("/settings/channels");
  const overviewRow = connectedList(admin).getByRole("listitem", { name: PAGE_NAME });
  await expect(overviewRow.getByText(`Kết nối bởi ${LAN}`)).toBeVisible();
  await expect(overviewRow.getByText(`Chỉ ${LAN} chat`)).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/page-admins-2-admin-overview.png` });
  await admin.goto("/settings/channels/facebook");
  await connectedList(admin).getByRole("listitem", { name: PAGE_NAME }).getByRole("button", { name: "Đổi quyền chat" }).click();
  const adminStep = admin.getByRole("dialog", { name: `Quyền chat của fanpage ${PAGE_NAME}` });
  await adminStep.getByRole("button", { name: /Có, tiếp tục/ }).click();
  await adminStep.getByRole("radio", { name: /^Thêm vào quy tắc đã có/ }).check();
  await adminStep.getByRole("radio", { name: new RegExp(`^${ruleName}`) }).check();
  await adminStep.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(adminStep).toBeHidden();
  await expect(connectedList(admin).getByRole("listitem", { name: PAGE_NAME }).getByText(`Chia theo quy tắc “${ruleName}”`)).toBeVisible();

  // Lan is told what the admin did to her page.
  await lan.goto("/settings/channels");
  const changes = lan.getByRole("list", { name: "Thay đổi gần đây" });
  await expect(changes.getByRole("listitem").filter({ hasText: PAGE_NAME }).filter({ hasText: "Phạm Quốc Hùng" }).filter({ hasText: ruleName })).toBeVisible();
  await lan.screenshot({ path: `${SCREENS}/page-admins-3-agent-told.png` });

  // With the setting off the channel screens are the admins' again: the link goes and the page is refused.
  await setStaffMayConnect(admin, false);
  await lan.goto("/settings/channels");
  await expect(lan.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  await expect(lan.getByRole("link", { name: "Cấu hình Kênh chat" })).toHaveCount(0);
  expect((await lan.request.get("/api/channels")).status()).toBe(403);
  await setStaffMayConnect(admin, true);

  // "Tiếp quản": the admin makes Lan's page his own, and Lan is told.
  await admin.goto("/settings/channels");
  await connectedList(admin).getByRole("listitem", { name: PAGE_NAME }).getByRole("button", { name: "Tiếp quản" }).click();
  const takeOver = admin.getByRole("dialog", { name: `Tiếp quản ${PAGE_NAME}?` });
  await admin.screenshot({ path: `${SCREENS}/page-admins-4-take-over.png` });
  await takeOver.getByRole("button", { name: "Xác nhận tiếp quản" }).click();
  await expect(takeOver).toBeHidden();
  await expect(connectedList(admin).getByRole("listitem", { name: PAGE_NAME }).getByText("Kết nối bởi Phạm Quốc Hùng")).toBeVisible();
  await lan.goto("/settings/channels");
  await expect(changes.getByRole("listitem").filter({ hasText: "đã tiếp quản" }).filter({ hasText: PAGE_NAME })).toBeVisible();
  await expect(connectedList(lan)).toHaveCount(0);
});

test("deactivating a salesperson who connected an “only me” page asks where the page goes first", async ({ browser, page: admin }) => {
  test.setTimeout(120_000);
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");
  await setStaffMayConnect(admin, true);
  await ensureDisconnected(admin);
  const email = `tam-${randomUUID().slice(0, 6)}@demo.vn`;
  const added = await admin.request.post("/api/staff", { data: { name: "Đỗ Minh Tâm", email, role: "agent", password: "Mat-khau-2026" } });
  expect(added.status()).toBe(201);

  const tam = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(tam, email, "Mat-khau-2026");
  await connectOnlyMeAsBinh(tam);

  await admin.goto("/settings/staff");
  const row = admin.getByRole("listitem").filter({ hasText: email });
  await row.getByRole("button", { name: "Khóa tài khoản" }).click();
  const handover = admin.getByRole("dialog", { name: "Các trang “Chỉ mình tôi” của Đỗ Minh Tâm" });
  await expect(handover.getByRole("radio", { name: "Chuyển cho quản trị viên" })).toBeChecked();
  await admin.screenshot({ path: `${SCREENS}/page-admins-5-deactivation-handover.png` });
  await handover.getByRole("button", { name: "Chuyển giao và khóa tài khoản" }).click();
  await expect(handover).toBeHidden();
  await expect(row.getByText("Đã khóa")).toBeVisible();
  await expect(tam).toHaveURL(/\/sign-in/);

  await admin.goto("/settings/channels");
  const page = connectedList(admin).getByRole("listitem", { name: PAGE_NAME });
  await expect(page.getByText("Kết nối bởi Phạm Quốc Hùng")).toBeVisible();
  await expect(page.getByText("Chỉ Phạm Quốc Hùng chat")).toBeVisible();
});
