// Connects a demo page through the wizard ("Không, chỉ mình tôi") unless an earlier spec already did,
// so a spec can put it in a rule of its own. The pages listed are those of the last Facebook login
// (another spec may have logged in as another emulator user): unless the page is there, connected or
// connectable, An logs in again.
import { expect, type Page } from "@playwright/test";

export async function ensureConnected(page: Page, name: string) {
  await page.goto("/settings/channels/facebook");
  const pages = page.getByRole("list", { name: "Danh sách fanpage" });
  await expect(page.getByText("Chưa đăng nhập Facebook").or(pages)).toBeVisible();
  const item = pages.getByRole("listitem", { name });
  // A connected page may show "Đã kết nối" beside a disabled button.
  const connect = item.getByRole("button", { name: "Kết nối fanpage này" }).and(page.locator("button:enabled"));
  const connectedOrConnectable = connect.or(item.getByText("Đã kết nối")).first();
  if (!(await connectedOrConnectable.isVisible())) {
    await page.getByRole("link", { name: "Thêm kết nối" }).click();
    await page.getByRole("button", { name: "Tiếp tục dưới tên Nguyễn Văn An" }).click();
    await page.getByRole("button", { name: "Chỉnh sửa cài đặt" }).click();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("button", { name: "Xong" }).click();
  }
  await expect(connectedOrConnectable).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    const chatStep = page.getByRole("dialog", { name: `Quyền chat của fanpage ${name}` });
    await chatStep.getByRole("button", { name: /Không, chỉ mình tôi/ }).click();
    await expect(chatStep).toBeHidden();
  }
  await expect(item.getByText("Đã kết nối")).toBeVisible();
}
