// Fills the shared rule form ("Quy tắc chia hội thoại") the way an admin does, wherever it is shown:
// Settings › Quy tắc chia hội thoại, or the connection wizard's "Tạo quy tắc mới".
import type { Locator, Page } from "@playwright/test";

export function ruleForm(scope: Page | Locator): Locator {
  return scope.getByRole("form", { name: "Quy tắc chia hội thoại" });
}

export async function fillRuleForm(
  form: Locator,
  rule: { name: string; members: string[]; method?: "Chia xoay vòng" | "Chia cho người ít việc nhất" | "Tự nhận hội thoại" },
): Promise<void> {
  await form.getByLabel("Tên quy tắc").fill(rule.name);
  for (const email of rule.members) {
    await form.getByLabel("User nhận hội thoại").fill(email);
    await form.getByRole("button", { name: "Thêm", exact: true }).click();
  }
  if (rule.method) await form.getByRole("radio", { name: new RegExp(rule.method) }).check();
}

/** Ticks the page in the rule form, moving it out of the rule it is in, if any (an earlier spec's). */
export async function choosePage(form: Locator, pageName: string): Promise<void> {
  await form.getByRole("checkbox", { name: new RegExp(pageName) }).check();
  const move = form.getByRole("checkbox", { name: /sang quy tắc này/ });
  if (await move.isVisible()) await move.check();
}
