// An automated accessibility check (axe-core, WCAG 2 A and AA rules) of what the page shows now.
// Serious and critical findings fail the test: missing names, labels, roles, contrast, focus traps.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Next streams a page's metadata: right after a client-side refresh the <title> may be a moment
  // late. Waiting for it keeps axe from reporting a gap no user sees; a title that never comes still
  // fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const findings = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
  // Soft: one run reports every screen's findings, and the test still fails at its end.
  expect.soft(findings, `accessibility of ${screen}`).toEqual([]);
}
