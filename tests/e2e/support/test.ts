// The `test` every spec imports: Playwright's, with one addition — a Content-Security-Policy
// violation in any page of any browser context fails the test, so the suite proves the app runs
// under its policy (issue item 4), not merely that the header is sent.
import { test as base, expect, type BrowserContext } from "@playwright/test";

// Everything else (expect, types) as Playwright exports it; `test` below takes the place of its own.
export * from "@playwright/test";

const watched = new WeakSet<BrowserContext>();
const violations: string[] = [];

/**
 * Chromium logs every blocked load or script as a console error ("Refused to … because it violates
 * the following Content Security Policy directive …"); the listener added to each page also reports
 * the violation events that happen before any log line would.
 */
async function watchForViolations(context: BrowserContext): Promise<BrowserContext> {
  if (watched.has(context)) return context;
  watched.add(context);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  const record = (text: string) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) violations.push(text);
  };
  for (const page of context.pages()) page.on("console", (message) => record(message.text()));
  context.on("page", (page) => page.on("console", (message) => record(message.text())));
  return context;
}

export const test = base.extend<{ failOnCspViolation: void }, { watchNewContexts: void }>({
  // Specs with several users open their own contexts from `browser`: those are watched too.
  watchNewContexts: [
    async ({ browser }, runWorker) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => watchForViolations(await newContext(options));
      await runWorker();
    },
    { scope: "worker", auto: true },
  ],
  context: async ({ context }, runTest) => {
    await runTest(await watchForViolations(context));
  },
  failOnCspViolation: [
    async ({}, runTest) => {
      violations.length = 0;
      await runTest();
      expect(violations, "the page broke its Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});
