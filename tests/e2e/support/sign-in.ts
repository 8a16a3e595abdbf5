import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo12345";

/**
 * Signs in and waits for the inbox to be live: its connection status is drawn by the browser once
 * React has hydrated the page and the socket is connected. Clicks made earlier would be lost, and
 * events sent earlier would reach nobody.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole("status").filter({ hasText: "Đang trực tuyến" })).toBeVisible();
}
