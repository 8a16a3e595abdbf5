import { expect, type Page } from "@playwright/test";

/**
 * Selects an inbox tab. A click that lands before React has hydrated the page is lost (the tabs are
 * client state), so the click is repeated until the tab reports itself selected, as a user would.
 */
export async function selectInboxTab(page: Page, name: string) {
  const tab = page.getByRole("tab", { name: new RegExp(name) });
  await expect(async () => {
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
