// Item 2 (cross-site requests) in a real browser against the production build: the attack the
// outside testing found — a text/plain form on another port of the same host, which the browser
// sends with the admin's cookie — creates nobody; the app's own pages keep working.
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";

const intruder = { name: "Kẻ gian", email: "ke-gian@evil.example", role: "admin", password: "ke-gian-123" };

/** A page "on another port of the same host" (same site, so the session cookie goes along) that posts at once. */
function attackPage(target: string): string {
  const fields = JSON.stringify(intruder).slice(0, -1) + ',"padding":"';
  return `<!doctype html><form method="post" enctype="text/plain" action="${target}">
    <input type="hidden" name='${fields}' value='"}'></form><script>document.forms[0].submit()</script>`;
}

test("item 2: a cross-site text/plain form cannot create an admin; the staff page still can", async ({ page }) => {
  await signIn(page, "admin@demo.vn");
  const app = new URL(page.url());
  const otherPort = `http://localhost:${Number(app.port) + 1}`;
  await page.route(`${otherPort}/attack.html`, (route) => route.fulfill({ contentType: "text/html", body: attackPage(`${app.origin}/api/staff`) }));
  const [answer] = await Promise.all([page.waitForResponse(`${app.origin}/api/staff`), page.goto(`${otherPort}/attack.html`)]);
  expect(answer.status()).toBe(403);
  expect(answer.request().headers()["content-type"]).toContain("text/plain");

  // The same write as JSON from a foreign page, by Origin or (without one) by Referer: refused.
  const foreignJson = await page.request.post("/api/staff", { headers: { origin: "https://evil.example" }, data: intruder });
  expect(foreignJson.status()).toBe(403);
  expect((await foreignJson.json()).error.message).toMatch(/cross-site/i);
  const foreignReferer = await page.request.post("/api/staff", { headers: { referer: `${otherPort}/attack.html` }, data: intruder });
  expect(foreignReferer.status()).toBe(403);
  // From our own origin, a body that is not JSON is still refused: 415.
  const plainText = await page.request.post("/api/staff", { headers: { origin: app.origin, "content-type": "text/plain" }, data: JSON.stringify(intruder) });
  expect(plainText.status()).toBe(415);

  await page.goto("/settings/staff");
  await expect(page.getByRole("heading", { name: "Mời nhân viên" })).toBeVisible();
  await expect(page.getByText(intruder.email)).toHaveCount(0);

  // The app's own form, same origin and JSON, works.
  const addForm = page.locator("details").filter({ hasText: "Hoặc thêm nhân viên với mật khẩu ban đầu" });
  await addForm.locator("summary").click();
  await addForm.getByLabel("Họ tên").fill("Mai");
  await addForm.getByLabel("Email").fill("mai@demo.vn");
  await addForm.getByLabel("Mật khẩu ban đầu").fill("mai-pass-123");
  await addForm.getByRole("button", { name: "Thêm nhân viên" }).click();
  await expect(page.getByText("mai@demo.vn")).toBeVisible();
});
