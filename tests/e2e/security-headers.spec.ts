// Item 4 (security headers) as `curl -sI` sees them on the production build, and item 3 (open
// redirect) through the real sign-in page.
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn, DEMO_PASSWORD } from "./support/sign-in";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  return policy;
}

test("item 4: /sign-in, the redirect from /inbox without a session and /inbox with one carry the security headers", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const signInPage = await anonymous.get("/sign-in", { maxRedirects: 0 });
  expect(signInPage.status()).toBe(200);
  const policy = expectSecurityHeaders(signInPage);
  // Next's own inline scripts carry this request's nonce, and only it may run.
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(await signInPage.text()).toContain(`nonce="${nonce}"`);
  expect(policy).toMatch(/script-src [^;]*'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);

  const redirect = await anonymous.get("/inbox", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toContain("/sign-in?callbackUrl=%2Finbox");
  expectSecurityHeaders(redirect);
  await anonymous.dispose();

  await signIn(page, "admin@demo.vn");
  const inbox = await page.request.get("/inbox", { maxRedirects: 0 });
  expect(inbox.status()).toBe(200);
  const inboxPolicy = expectSecurityHeaders(inbox);
  expect(inboxPolicy).not.toBe(policy);
  expectSecurityHeaders(await page.request.get("/api/conversations/counts"));
});

test("item 3: a sign-in link whose return path leads off the site lands on the inbox", async ({ page }) => {
  // As they would stand in a phishing link's query string: the page reads `/\evil.example`, `/<tab>/evil.example`…
  const links = ["/%5Cevil.example", "/%09/evil.example", "%2F%2Fevil.example", "/%255Cevil.example", "https%3A%2F%2Fevil.example%2Finbox"];
  for (const returnTo of links) {
    await page.goto(`/sign-in?callbackUrl=${returnTo}`);
    await page.getByLabel("Email").fill("admin@demo.vn");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/inbox$/);
    // Signed in already: the sign-in page sends the visitor on at once, to the inbox too.
    const bounce = await page.request.get(`/sign-in?callbackUrl=${returnTo}`, { maxRedirects: 0 });
    expect(bounce.headers().location).toBe("/inbox");
    await page.context().clearCookies();
  }
});
