// Old conversations in Chromium: the admin connects "Cửa Hàng Lâu Năm" (a page with a Messenger
// history in the emulator) into a rule that shares "hội thoại khả dựng"; the page's card shows the
// sync's progress bar, then the count, then how many conversations will be shared with the seed's
// warning. After "Xác nhận chia" the two agents' inboxes hold exactly the answerable conversations.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "./support/test";
import { emulatorControl } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { signIn } from "./support/sign-in";
import { withE2eDatabase } from "./support/e2e-database";
import { expectAccessible } from "./support/accessibility";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const PAGE_NAME = "Cửa Hàng Lâu Năm";
const WEEK = 7 * 24 * 3600 * 1000;

interface World {
  pages: { id: string; name: string }[];
  customers: { psid: string; name: string }[];
  threads: { pageId: string; psid: string; lastCustomerMessageAt: number | null }[];
}

/** The page's customers who wrote within the last 7 days (HUMAN_AGENT window), by the emulator's clock. */
async function answerableCustomers(): Promise<{ pageId: string; names: string[] }> {
  const world = await emulatorControl<World>("world");
  const page = world.pages.find((candidate) => candidate.name === PAGE_NAME);
  if (!page) throw new Error(`The emulator has no page ${PAGE_NAME}`);
  const now = Date.now();
  const names = world.threads
    .filter(
      (thread) =>
        thread.pageId === page.id &&
        thread.lastCustomerMessageAt !== null &&
        now - thread.lastCustomerMessageAt <= WEEK,
    )
    .map((thread) => world.customers.find((customer) => customer.psid === thread.psid)?.name ?? "");
  return { pageId: page.id, names: names.sort() };
}

/** The customers of the page in an agent's "Của tôi" list. */
async function myConversations(browser: Browser, email: string): Promise<string[]> {
  const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  await selectInboxTab(page, "Của tôi");
  const list = page.getByRole("listbox", { name: "Của tôi" });
  await expect(list).toBeVisible();
  const rows = list.getByRole("option").filter({ hasText: PAGE_NAME });
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/history-4-${email.split("@")[0]}-inbox.png` });
  const names = await rows.evaluateAll((options) =>
    options.map((option) => option.querySelector(":scope > div > div:first-child > span")?.textContent ?? ""),
  );
  await context.close();
  return names;
}

const RULE_PREFIX = "Nhóm Lâu Năm";

/** The shop forgets the page and this spec's rules; the page's conversations go with it (cascade). */
async function forgetPage(): Promise<void> {
  const { pageId } = await answerableCustomers();
  await withE2eDatabase(async (db) => {
    await db.query(`DELETE FROM "Channel" WHERE platform = 'facebook' AND "externalId" = $1`, [pageId]);
    await db.query(`DELETE FROM "AssignmentRule" WHERE name LIKE $1`, [`${RULE_PREFIX} %`]);
  });
}

// An earlier spec may have connected the page "only me" (its history then went to the admin), and
// later specs expect Hà's and Minh's inboxes empty: start and end with a page the shop never connected.
test.beforeAll(forgetPage);
test.afterAll(forgetPage);

test("a page's history is synced, and the answerable conversations are shared after the admin confirms", async ({
  page,
  browser,
}) => {
  const { pageId, names: answerable } = await answerableCustomers();
  expect(answerable.length).toBeGreaterThan(0);
  // Facebook answers the first page of threads slowly, so the progress bar is on screen for a while.
  await emulatorControl("faults", { kind: "slow", delayMs: 4000, match: { path: "/conversations", pageId } });

  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin@demo.vn");
  const ruleName = `${RULE_PREFIX} ${randomUUID().slice(0, 6)}`;
  const created = await page.request.post("/api/rules", {
    data: {
      name: ruleName,
      sourceChannelIds: [],
      memberEmails: ["ha@demo.vn", "minh@demo.vn"],
      method: "round_robin",
      oldConversationPolicy: "distribute_available",
    },
  });
  expect(created.status()).toBe(201);

  // Cấu hình Facebook: sign in as the page's admin on Facebook, connect the page into the rule.
  await page.goto("/settings/channels/facebook");
  await page.getByRole("link", { name: "Thêm kết nối" }).click();
  await page.getByRole("button", { name: "Tiếp tục dưới tên Nguyễn Văn An" }).click();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("button", { name: "Xong" }).click();
  const listed = page
    .getByRole("list", { name: "Danh sách fanpage" })
    .getByRole("listitem", { name: PAGE_NAME });
  await listed.getByRole("button", { name: "Kết nối fanpage này" }).click();
  const step = page.getByRole("dialog", { name: `Quyền chat của fanpage ${PAGE_NAME}` });
  await step.getByRole("button", { name: /Có, tiếp tục/ }).click();
  await step.getByRole("radio", { name: /Thêm vào quy tắc đã có/ }).check();
  await step.getByRole("radio", { name: new RegExp(ruleName) }).check();
  await step.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(step).toBeHidden();

  // The page's card: the progress bar while the history is read, then the count.
  const card = page
    .getByRole("list", { name: "Fanpage đã kết nối" })
    .getByRole("listitem", { name: PAGE_NAME })
    .getByRole("region", { name: "Hội thoại cũ trên Facebook" });
  await expect(card.getByRole("progressbar", { name: "Tiến độ đồng bộ hội thoại cũ" })).toBeVisible();
  await expect(card.getByText(/Đang đồng bộ…/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/history-1-progress.png`, fullPage: true });
  await expectAccessible(page, "history-1-progress");
  const total = (await emulatorControl<World>("world")).threads.filter((thread) => thread.pageId === pageId).length;
  await expect(card.getByText(`Đã đồng bộ ${total} hội thoại`)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole("progressbar")).toHaveCount(0);

  // "Chia hội thoại khả dựng": the number to be shared and the seed's warning, before anything is shared.
  const confirmation = card.getByRole("region", { name: `Chia hội thoại cũ theo quy tắc “${ruleName}”` });
  await expect(confirmation.getByText(`${answerable.length} hội thoại còn trả lời được`)).toBeVisible();
  await expect(
    confirmation.getByText(/toàn bộ lịch sử chat và thông tin dữ liệu khách hàng cũ trước đó/),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/history-2-confirm.png`, fullPage: true });
  await expectAccessible(page, "history-2-confirm");
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENS}/history-2-confirm-phone.png`, fullPage: true });
  await page.setViewportSize(LAPTOP);

  // "Để sau" folds the proposal away without sharing; it can be opened again.
  await confirmation.getByRole("button", { name: "Để sau" }).click();
  await expect(card.getByText("Chưa chia: các hội thoại vẫn nằm trong mục “Hội thoại cũ”")).toBeVisible();
  await card.getByRole("button", { name: "Xem lại đề xuất chia" }).click();
  await confirmation.getByRole("button", { name: "Xác nhận chia" }).click();
  await expect(
    card.getByText(`Đã giao ${answerable.length} hội thoại cũ cho người phụ trách.`),
  ).toBeVisible();
  await expect(confirmation).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/history-3-shared.png`, fullPage: true });

  // Round-robin between Hà and Minh: together exactly the answerable conversations, evenly.
  const ha = await myConversations(browser, "ha@demo.vn");
  const minh = await myConversations(browser, "minh@demo.vn");
  expect([...ha, ...minh].sort()).toEqual(answerable);
  expect(Math.abs(ha.length - minh.length)).toBeLessThanOrEqual(1);
});
