// "Báo cáo" (issue 17) end to end in Chromium: an admin opens the reports from the sidebar, narrows
// them to a rule whose weeks of history the spec wrote (support/report-history.ts), switches from
// "30 ngày" to "7 ngày" and reads the figures, the charts' tables and the table per staff member,
// all matching the history; the choice survives a reload; both CSV downloads are UTF-8 with a BOM,
// strict RFC 4180 and keep the Vietnamese names whole. Today goes through the app itself: a customer
// writes through the Meta emulator and Hà answers in the inbox, and today's report counts both.
// An agent gets the 403 page and the API's 403.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { ensureConnected } from "./support/connect-page";
import { emulatorControl, pageIdOf } from "./support/emulator";
import { selectInboxTab } from "./support/inbox-tabs";
import { choosePage, fillRuleForm, ruleForm } from "./support/rule-form";
import { signIn } from "./support/sign-in";
import { withE2eDatabase } from "./support/e2e-database";
import {
  removeReportHistory,
  shopDate,
  weekdayOf,
  writeReportHistory,
  type ReportHistory,
} from "./support/report-history";
import { parseRfc4180 } from "../support/rfc4180";

const SCREENS = "test-results/screens";
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PAGE_NAME = "Mỹ Phẩm Thiên Nhiên";
const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

let history: ReportHistory;

test.beforeAll(async () => {
  history = await writeReportHistory();
});

test.afterAll(async () => {
  if (history) await removeReportHistory(history);
});

const figures = (page: Page) => page.getByRole("list", { name: "Số liệu chính" });
const figure = (page: Page, label: string) =>
  figures(page).getByRole("listitem").filter({ hasText: label }).locator("[data-figure]");
const filter = (page: Page, name: string) => page.getByRole("combobox", { name, exact: true });
const chart = (page: Page, title: string) => page.getByRole("region", { name: title });
/** A table's row by its heading cell, and that row's data cells. */
const rowOf = (scope: Locator, heading: string) =>
  scope.getByRole("row").filter({ has: scope.page().getByRole("rowheader", { name: heading, exact: true }) });
const cellsOf = (row: Locator) => row.getByRole("cell");
const dayText = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

async function expectFigures(page: Page, expected: Record<string, string>) {
  for (const [label, value] of Object.entries(expected))
    await expect(figure(page, label), label).toHaveText(value);
}

/** The whole report in one picture: the app scrolls inside <main>, so the window grows to its height for the shot. */
async function screenshotWhole(page: Page, path: string) {
  const viewport = page.viewportSize()!;
  // No chart's tooltip in the picture: the pointer leaves the charts it last clicked beside.
  await page.mouse.move(0, 0);
  const height = await page
    .locator("main")
    .evaluate((main) => main.getBoundingClientRect().top + main.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.ceil(height) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

async function download(page: Page, link: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  return readFileSync((await file.path())!);
}

/** UTF-8 with a byte-order mark, then records as RFC 4180 writes them (the parser throws otherwise). */
function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseRfc4180(bytes.subarray(3).toString("utf8"));
}

async function openInbox(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, email);
  await selectInboxTab(page, "Của tôi");
  return page;
}

test("an admin reads the reports of a rule over 30 and 7 days, sorts the staff, downloads both CSVs; today's customer and reply are counted; an agent is refused", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(180_000);
  await admin.setViewportSize(LAPTOP);
  await signIn(admin, "admin@demo.vn");

  await test.step("the sidebar leads to “Báo cáo”; a rule's 30 days, then its 7 days", async () => {
    await admin.getByRole("navigation").getByRole("link", { name: "Báo cáo" }).click();
    await expect(admin).toHaveURL(/\/reports$/);
    await expect(admin.getByRole("heading", { level: 1, name: "Báo cáo" })).toBeVisible();
    await expect(admin.getByText(`Múi giờ: ${history.timeZone}`, { exact: true })).toBeVisible();
    await expect(admin.getByRole("button", { name: "7 ngày" })).toHaveAttribute("aria-pressed", "true");
    await filter(admin, "Quy tắc").selectOption({ label: history.ruleName });
    await expect(admin).toHaveURL(new RegExp(`ruleId=${history.ruleId}`));

    await admin.getByRole("button", { name: "30 ngày" }).click();
    await expect(admin).toHaveURL(/range=30d/);
    await expect(
      admin.getByText(
        `Từ ${dayText(shopDate(history.timeZone, 29))} đến ${dayText(shopDate(history.timeZone))}`,
        { exact: true },
      ),
    ).toBeVisible();
    // 30 days: six conversations; first responses 2, 4, 5, 10 and 30 minutes; closes after 15, 30, 60, 60.
    await expectFigures(admin, {
      "Hội thoại mới": "6",
      "Tin nhắn của khách": "10",
      "Tin trả lời": "6",
      "Thời gian phản hồi đầu tiên": "5 phút",
      "Thời gian xử lý": "45 phút",
    });
    await expect(
      figures(admin).getByRole("listitem").filter({ hasText: "Thời gian phản hồi đầu tiên" }),
    ).toContainText("p90: 22 phút");

    await admin.getByRole("button", { name: "7 ngày" }).click();
    await expect(admin.getByRole("button", { name: "7 ngày" })).toHaveAttribute("aria-pressed", "true");
    await expect(
      admin.getByText(
        `Từ ${dayText(shopDate(history.timeZone, 6))} đến ${dayText(shopDate(history.timeZone))}`,
        { exact: true },
      ),
    ).toBeVisible();
    // 7 days: first responses 4, 10, 30 minutes (median 10, p90 26); closes after 30 and 60 (median 45, p90 57).
    await expectFigures(admin, {
      "Hội thoại mới": "4",
      "Tin nhắn của khách": "7",
      "Tin trả lời": "4",
      "Thời gian phản hồi đầu tiên": "10 phút",
      "Thời gian xử lý": "45 phút",
      "Chia lại vì không trả lời": "1",
      "Đang chờ trả lời": "1",
    });
    await expect(
      figures(admin).getByRole("listitem").filter({ hasText: "Thời gian phản hồi đầu tiên" }),
    ).toContainText("p90: 26 phút");
    await expect(figures(admin).getByRole("listitem").filter({ hasText: "Thời gian xử lý" })).toContainText(
      "p90: 57 phút",
    );
  });

  await test.step("the charts' tables hold the history's counts", async () => {
    const volume = chart(admin, "Tin nhắn của khách theo ngày");
    await expect(volume.getByRole("img", { name: /Tổng 7 tin; nhiều nhất 3 tin/ })).toBeVisible();
    await volume.getByRole("button", { name: "Xem dạng bảng" }).click();
    const volumeTable = volume.getByRole("table");
    await expect(volumeTable.getByRole("columnheader")).toHaveText(["Ngày", "Facebook", "Zalo", "Tổng"]);
    await expect(volumeTable.getByRole("row")).toHaveCount(8);
    await expect(cellsOf(rowOf(volumeTable, dayText(shopDate(history.timeZone, 1))))).toHaveText([
      "2",
      "0",
      "2",
    ]);
    await expect(cellsOf(rowOf(volumeTable, dayText(shopDate(history.timeZone, 2))))).toHaveText([
      "1",
      "1",
      "2",
    ]);
    await expect(cellsOf(rowOf(volumeTable, dayText(shopDate(history.timeZone, 3))))).toHaveText([
      "0",
      "3",
      "3",
    ]);

    const heatMap = chart(admin, "Giờ khách nhắn tin");
    await heatMap.getByRole("button", { name: "Xem dạng bảng" }).click();
    const heatTable = heatMap.getByRole("table");
    await expect(
      cellsOf(rowOf(heatTable, WEEKDAYS[weekdayOf(shopDate(history.timeZone, 3))]!)).nth(20),
    ).toHaveText("3");
    await expect(
      cellsOf(rowOf(heatTable, WEEKDAYS[weekdayOf(shopDate(history.timeZone, 1))]!)).nth(9),
    ).toHaveText("2");

    const responses = chart(admin, "Thời gian phản hồi đầu tiên theo nhân viên");
    await responses.getByRole("button", { name: "Xem dạng bảng" }).click();
    await expect(cellsOf(rowOf(responses.getByRole("table"), "Nguyễn Thu Hà"))).toHaveText([
      "7 phút",
      "9 phút 24 giây",
    ]);
    await expect(cellsOf(rowOf(responses.getByRole("table"), "Trần Đức Minh"))).toHaveText([
      "30 phút",
      "30 phút",
    ]);

    const open = chart(admin, "Hội thoại đang mở theo nhân viên");
    await open.getByRole("button", { name: "Xem dạng bảng" }).click();
    await expect(cellsOf(rowOf(open.getByRole("table"), "Trần Đức Minh"))).toHaveText(["2"]);
    await screenshotWhole(admin, `${SCREENS}/reports-tables.png`);
    await expectAccessible(admin, "reports with the charts as tables");
    for (const title of [
      "Tin nhắn của khách theo ngày",
      "Giờ khách nhắn tin",
      "Thời gian phản hồi đầu tiên theo nhân viên",
      "Hội thoại đang mở theo nhân viên",
    ]) {
      await chart(admin, title).getByRole("button", { name: "Xem biểu đồ" }).click();
    }
  });

  await test.step("the table per staff member sorts by its columns", async () => {
    const table = chart(admin, "Theo nhân viên").getByRole("table");
    await expect(cellsOf(rowOf(table, "Nguyễn Thu Hà"))).toHaveText([
      "2",
      "3",
      "7 phút",
      "9 phút 24 giây",
      "2",
      "0",
    ]);
    await expect(cellsOf(rowOf(table, "Trần Đức Minh"))).toHaveText([
      "2",
      "1",
      "30 phút",
      "30 phút",
      "0",
      "2",
    ]);
    const replies = table.getByRole("columnheader", { name: "Tin trả lời" });
    await replies.getByRole("button").click();
    await expect(replies).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("rowheader").first()).toHaveText("Nguyễn Thu Hà");
    await replies.getByRole("button").click();
    await expect(replies).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("rowheader").last()).toHaveText("Nguyễn Thu Hà");
    const open = table.getByRole("columnheader", { name: "Đang mở" });
    await open.getByRole("button").click();
    await expect(open).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("rowheader").first()).toHaveText("Trần Đức Minh");
  });

  await test.step("a reload keeps the range and the rule; the staff filter leaves customer messages alone", async () => {
    await admin.reload();
    await expect(admin.getByRole("button", { name: "7 ngày" })).toHaveAttribute("aria-pressed", "true");
    await expect(filter(admin, "Quy tắc").locator("option:checked")).toHaveText(history.ruleName);
    await expectFigures(admin, { "Hội thoại mới": "4", "Tin nhắn của khách": "7" });

    await filter(admin, "Nhân viên").selectOption({ label: "Trần Đức Minh" });
    await expectFigures(admin, {
      "Hội thoại mới": "2",
      "Tin nhắn của khách": "7",
      "Tin trả lời": "1",
      "Thời gian phản hồi đầu tiên": "30 phút",
    });
    await expect(
      figures(admin).getByRole("listitem").filter({ hasText: "Tin nhắn của khách" }),
    ).toContainText("Không lọc theo nhân viên");
    await filter(admin, "Nhân viên").selectOption({ label: "Tất cả nhân viên" });
    await expectFigures(admin, { "Hội thoại mới": "4" });

    await admin.getByText("Cách tính").click();
    await expect(admin.getByText("ghi chú nội bộ không tính")).toBeVisible();
    await screenshotWhole(admin, `${SCREENS}/reports.png`);
    await expectAccessible(admin, "reports");
  });

  await test.step("both CSV downloads: a BOM, RFC 4180, the names whole", async () => {
    const agents = readCsv(await download(admin, "Tải CSV (nhân viên)"));
    const rows = agents.slice(1);
    expect(rows.find((row) => row[0] === "Nguyễn Thu Hà")).toBeDefined();
    expect(rows.find((row) => row[0] === "Trần Đức Minh")).toBeDefined();
    // Every row the page lists, and the header.
    await expect(chart(admin, "Theo nhân viên").getByRole("table").getByRole("rowheader")).toHaveCount(
      rows.length,
    );

    const conversations = readCsv(await download(admin, "Tải CSV (danh sách hội thoại)"));
    const lines = conversations.slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.length === conversations[0]!.length)).toBe(true);
    const fields = lines.flat();
    for (const name of [
      "Nguyễn Văn Khải",
      "Phạm Thị Hoa",
      'Lê "Bống" Thảo, Q.7',
      "Võ Minh Tâm",
      "Nguyễn Thu Hà",
      "Trần Đức Minh",
    ])
      expect(fields).toContain(name);
  });

  await test.step("“Tùy chọn” starts from the dates shown, takes two dates, and refuses them reversed", async () => {
    const day = (daysAgo: number) => shopDate(history.timeZone, daysAgo);
    await admin.getByRole("button", { name: "Tùy chọn" }).click();
    await expect(admin.getByLabel("Từ ngày")).toHaveValue(day(6));
    await expect(admin.getByLabel("Đến ngày")).toHaveValue(day(0));
    await admin.getByLabel("Đến ngày").fill(day(1));
    await admin.getByLabel("Từ ngày").fill(day(2));
    await expect(admin).toHaveURL(new RegExp(`range=custom&from=${day(2)}&to=${day(1)}`));
    await expectFigures(admin, { "Hội thoại mới": "3", "Tin nhắn của khách": "4", "Tin trả lời": "3" });
    await admin.reload();
    await expect(admin.getByLabel("Từ ngày")).toHaveValue(day(2));
    await expectFigures(admin, { "Hội thoại mới": "3" });
    await admin.getByLabel("Từ ngày").fill(day(0));
    await expect(
      admin.getByRole("alert").filter({ hasText: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." }),
    ).toBeVisible();
    await expect(figures(admin)).toHaveCount(0);
    await admin.getByRole("button", { name: "7 ngày" }).click();
    await expectFigures(admin, { "Hội thoại mới": "4" });
  });

  await test.step("on a phone the cards stack and the table scrolls sideways", async () => {
    await admin.setViewportSize(PHONE);
    await expect(figure(admin, "Hội thoại mới")).toHaveText("4");
    const [first, second] = [
      figures(admin).getByRole("listitem").nth(0),
      figures(admin).getByRole("listitem").nth(1),
    ];
    expect((await second.boundingBox())!.y).toBeGreaterThan((await first.boundingBox())!.y);
    const scroller = admin.getByRole("region", { name: "Bảng theo nhân viên, cuộn ngang để xem đủ các cột" });
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    // Only that table scrolls: the page itself fits the phone's width.
    expect(await admin.locator("main").evaluate((main) => main.scrollWidth <= main.clientWidth)).toBe(true);
    await screenshotWhole(admin, `${SCREENS}/reports-phone.png`);
    await expectAccessible(admin, "reports on a phone");
    await admin.setViewportSize(LAPTOP);
  });

  await test.step("a range with nothing in it says so; a failed answer offers “Thử lại”", async () => {
    await admin.getByRole("button", { name: "Hôm nay" }).click();
    await expect(admin.getByText("Chưa có dữ liệu trong khoảng này")).toBeVisible();
    // What is true now still shows: the customer left waiting two days ago.
    await expectFigures(admin, {
      "Hội thoại mới": "0",
      "Đang chờ trả lời": "1",
      "Thời gian phản hồi đầu tiên": "—",
    });

    await admin.route("**/api/reports?*", (route) =>
      route.fulfill({
        status: 500,
        json: { error: { code: "internal", message: "Something went wrong on our side.", params: {} } },
      }),
    );
    await admin.getByRole("button", { name: "30 ngày" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "Không tải được báo cáo." })).toBeVisible();
    await admin.unroute("**/api/reports?*");
    await admin.getByRole("button", { name: "Thử lại" }).click();
    await expectFigures(admin, { "Hội thoại mới": "6" });
  });

  await test.step("in English", async () => {
    await admin.getByRole("button", { name: /Menu người dùng/ }).click();
    await admin.getByRole("button", { name: "English" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await admin.reload();
    await expect(admin.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");
    const newConversations = admin
      .getByRole("list", { name: "Key figures" })
      .getByRole("listitem")
      .filter({ hasText: "New conversations" });
    await expect(newConversations.locator("[data-figure]")).toHaveText("6");
    await expect(
      admin
        .getByRole("list", { name: "Key figures" })
        .getByRole("listitem")
        .filter({ hasText: "First response time" }),
    ).toContainText("5 min");
    await expect(
      chart(admin, "Customer messages per day").getByRole("button", { name: "View as table" }),
    ).toBeVisible();
    await expect(admin.getByRole("link", { name: "Download CSV (staff)" })).toBeVisible();
    await admin.getByRole("button", { name: /User menu/ }).click();
    await admin.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Báo cáo" })).toBeVisible();
    await admin.reload();
    await expect(admin.getByRole("heading", { level: 1, name: "Báo cáo" })).toBeVisible();
  });

  const ha = await openInbox(browser, "ha@demo.vn");
  await test.step("today, through the app: a customer writes to a page, Hà answers in the inbox, the report counts both", async () => {
    await ensureConnected(admin, PAGE_NAME);
    await admin.goto("/settings/rules/new");
    const form = ruleForm(admin);
    await choosePage(form, PAGE_NAME);
    await fillRuleForm(form, {
      name: `Báo cáo hôm nay ${randomUUID().slice(0, 6)}`,
      members: ["ha@demo.vn"],
      method: "Chia xoay vòng",
    });
    await form.getByRole("checkbox", { name: "Chỉ chia cho nhân viên sẵn sàng nhận chat" }).uncheck();
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect(admin).toHaveURL(/\/settings\/rules$/);

    const channelId = await withE2eDatabase(
      async (client) =>
        (await client.query<{ id: string }>(`SELECT id FROM "Channel" WHERE name = $1`, [PAGE_NAME])).rows[0]!
          .id,
    );
    // The page's Messenger history, imported after connecting, is counted on its own days: wait for it.
    await expect
      .poll(
        () =>
          withE2eDatabase(
            async (client) =>
              (
                await client.query(
                  `SELECT 1 FROM "HistorySync" WHERE "channelId" = $1 AND status IN ('queued', 'running')`,
                  [channelId],
                )
              ).rowCount,
          ),
        { timeout: 30_000 },
      )
      .toBe(0);
    await admin.goto(`/reports?range=today&channelId=${channelId}`);
    await expect(admin.getByRole("button", { name: "Hôm nay" })).toHaveAttribute("aria-pressed", "true");
    await expect(filter(admin, "Trang / OA").locator("option:checked")).toHaveText(PAGE_NAME);
    // Earlier specs may have written to this page today: the report must count exactly one more of each.
    const read = async () =>
      Object.fromEntries(
        await Promise.all(
          ["Hội thoại mới", "Tin nhắn của khách", "Tin trả lời"].map(
            async (label) => [label, Number(await figure(admin, label).textContent())] as const,
          ),
        ),
      );
    await expect(figure(admin, "Hội thoại mới")).toHaveText(/^\d+$/);
    const before = await read();

    const question = `Son dưỡng còn màu hồng không ạ? ${randomUUID().slice(0, 6)}`;
    await emulatorControl("messages", {
      pageId: await pageIdOf(PAGE_NAME),
      customer: { firstName: "Yến", lastName: "Trịnh" },
      text: question,
    });
    await ha
      .getByRole("listbox", { name: "Của tôi" })
      .getByRole("option")
      .filter({ hasText: question })
      .click();
    const composer = ha.getByRole("textbox", { name: "Nội dung tin nhắn" });
    await composer.fill("Dạ còn ạ, chị lấy mấy thỏi ạ?");
    await composer.press("Enter");
    await expect(
      ha
        .getByRole("list", { name: "Tin nhắn" })
        .getByRole("listitem")
        .filter({ hasText: "Dạ còn ạ, chị lấy mấy thỏi ạ?" }),
    ).toHaveAttribute("data-status", /sent|delivered|read/);

    await expect(async () => {
      await admin.reload();
      await expect(figure(admin, "Tin trả lời")).toHaveText(String(before["Tin trả lời"]! + 1), {
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });
    await expectFigures(admin, {
      "Hội thoại mới": String(before["Hội thoại mới"]! + 1),
      "Tin nhắn của khách": String(before["Tin nhắn của khách"]! + 1),
    });
    await expect(rowOf(chart(admin, "Theo nhân viên").getByRole("table"), "Nguyễn Thu Hà")).toBeVisible();
  });

  await test.step("an agent gets the 403 page and the API's 403", async () => {
    await expect(ha.getByRole("navigation").getByRole("link", { name: "Báo cáo" })).toHaveCount(0);
    const answer = await ha.goto("/reports");
    expect(answer?.status()).toBe(403);
    await expect(ha.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    const today = shopDate(history.timeZone);
    const api = await ha.request.get(`/api/reports?from=${today}&to=${today}`);
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
    expect((await ha.request.get(`/api/reports/agents.csv?from=${today}&to=${today}`)).status()).toBe(403);
  });
});
