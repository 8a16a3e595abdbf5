// Benchmark: the memory of one idle app process, started as `npm run cluster` starts each of its
// processes (the production build's server.ts with the cluster's settings), right after start-up,
// again once the sign-in page has been served (Next.js loads a route's code on its first request),
// and once more after a longer idle (V8 shrinks heaps that stay idle, which a start-up measurement
// does not see). Reports the resident set (anonymous and file-backed parts) and the JavaScript heap
// of the main thread and of each worker thread (the webhook worker, and Node's module-loader thread
// that tsx uses); the goal of issue 13 is at most 300 MB resident per process.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/idle-memory.ts \
//     [--seconds 15] [--later 60] [--build]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BENCH_DIST_DIR, ensureProductionBuild, freePort } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { intFlag } from "./support/stats";
import { diagnosticReportOptions, residentMemory, threadHeaps } from "./support/process-memory";
import { startAppProcess, waitUntilReady } from "../lib/cluster/app-process";
import { clusterProcessEnv } from "../lib/cluster/start-cluster";

/** How long the process idles before the first two measurements: start-up work (job schedules, channel check) settles. */
const idleSeconds = intFlag("seconds", 15);
/** The longer idle before the last measurement. */
const laterSeconds = intFlag("later", 60);

ensureProductionBuild();
const database = await createBenchDatabase("idle_memory");
const reportDirectory = mkdtempSync(path.join(os.tmpdir(), "idle-memory-"));
const port = await freePort();
const settings = { NODE_ENV: "production" as const, NEXT_DIST_DIR: BENCH_DIST_DIR, DEMO_MODE: "false", LOG_LEVEL: "error", NODE_OPTIONS: diagnosticReportOptions(reportDirectory) };
const app = startAppProcess({ name: "app", port, env: clusterProcessEnv({ ...process.env, ...settings }, port) });
try {
  await waitUntilReady(app);
  const pid = app.child.pid!;
  const measure = async (seconds: number) => {
    await sleep(seconds * 1000);
    return { ...residentMemory(pid), heaps: await threadHeaps(pid, reportDirectory) };
  };
  const afterStartUp = await measure(idleSeconds);
  const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
  if (!signIn.ok) throw new Error(`the sign-in page answered ${signIn.status}`);
  await signIn.text();
  const afterSignInPage = await measure(idleSeconds);
  const later = await measure(laterSeconds);
  const loadAverage = os.loadavg().map((v) => Math.round(v * 10) / 10);
  console.log(JSON.stringify({ machine: { cores: os.cpus().length, loadAverage }, idleSeconds, laterSeconds, afterStartUp, afterSignInPage, later }, null, 2));
} finally {
  await app.stop();
  rmSync(reportDirectory, { recursive: true, force: true });
  await database.drop();
}
