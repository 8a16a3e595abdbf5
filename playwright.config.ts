// End-to-end tests in Debian's Chromium (never a downloaded browser) against the production build.
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

// Debian's headless shell (package chromium-headless-shell, which .ci/run installs) is Chromium without
// the desktop browser around it, the build Playwright itself prefers for headless runs: measured on
// the 2-core machine, specs that open many pages took a third to two thirds of their time in the full
// browser (docs/decisions.md). The full browser is the fallback where only it is installed.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromium = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "vi-VN",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        ...["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
        ...["--disable-background-networking", "--disable-component-update", "--disable-sync"],
        // The suite is bound by CPU (two cores), most of it Chromium's: one renderer per tab rather than
        // one more per site of the emulators' pages, and nothing the tests do not use.
        "--disable-site-isolation-trials",
        "--disable-features=site-per-process,IsolateOrigins,Translate,OptimizationHints,MediaRouter,PaintHolding",
        // Several users' tabs are open at once, and each must keep up with live events.
        ...["--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
      ],
    },
  },
  webServer: {
    command: "npx tsx tests/e2e/start-e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
