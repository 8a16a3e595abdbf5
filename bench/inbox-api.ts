// Benchmark: the inbox API over HTTP (issue 18's target: ≥ 1,000 requests/s each with p99 ≤ 100 ms
// on two cores) — the production build in its own process (server.ts), 100,000 conversations and
// ≈1,000,000 messages (bench/inbox-seed.ts), real session cookies, --connections kept-alive
// connections in a closed loop for --seconds per route after a warm-up of a few seconds:
//   - GET /api/conversations?tab=mine as an agent ("Của tôi"), ?tab=all as the admin ("Tất cả");
//   - GET /api/conversations/<id>/messages, the newest page of 100-message threads, as the admin;
//   - GET /api/conversations/counts as an agent (the tabs' counts);
// and, measured in the same run as references: GET /api/health (the app with no query and no
// session: Next.js's routing and our headers) and a bare node:http server in its own process.
// Each line gives requests/s, latency p50 / p99, any answer other than 2xx, and the CPU per answer of
// the server (and of its main thread alone), its database and the load generator.
//
// `--only WORD` keeps the routes whose name holds WORD (the references are always measured);
// `--profile DIR` writes a CPU profile of the app's whole run into DIR (bench/profile-summary.ts).
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/inbox-api.ts [--connections 32] [--seconds 10] [--only mine] [--profile DIR] [--build]
import { loadavg } from "node:os";
import pg from "pg";
import { ensureProductionBuild, freePort, startApp, startProcess, stopProcess } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { closedLoop, type LoadRequest, type LoadResult } from "./support/http-load";
import { SEED, seedInbox } from "./inbox-seed";
import { benchStaff } from "./support/seed-sql";
import { intFlag, latencySummary, wordsFlag } from "./support/stats";
import { cpuPerMessage, cpuSnapshot } from "./support/cpu-time";

const connections = intFlag("connections", 32);
const seconds = intFlag("seconds", 10);
const only = wordsFlag("only")[0];
const profileDir = wordsFlag("profile")[0];
const WARMUP_SECONDS = 3;
const log = (line: string) => console.error(line);
const loadAverage = () => loadavg().map((value) => Math.round(value * 10) / 10);

ensureProductionBuild();
const database = await createBenchDatabase("inbox_api");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await seedInbox(client, log);
await client.end();
const { sessionCookie } = await import("../tests/support/socket-client");
const { db, disconnectDb } = await import("../lib/db");

const { admin, agents } = benchStaff(SEED.agents);
const adminCookie = await sessionCookie(admin);
const agentCookie = await sessionCookie(agents[0]!);
const longThreads = Array.from({ length: 40 }, (_, index) => `cv${(index + 1) * SEED.longThreadEvery}`);
let next = 0;

const allRoutes: Array<{ name: string; path: () => string; cookie?: string; server?: "bare" }> = [
  { name: "GET /api/conversations?tab=mine (agent, Của tôi)", path: () => "/api/conversations?tab=mine", cookie: agentCookie },
  { name: "GET /api/conversations?tab=all (admin, Tất cả)", path: () => "/api/conversations?tab=all", cookie: adminCookie },
  { name: "GET /api/conversations/<id>/messages (admin, 100-message threads)", path: () => `/api/conversations/${longThreads[next++ % longThreads.length]}/messages`, cookie: adminCookie },
  { name: "GET /api/conversations/counts (agent)", path: () => "/api/conversations/counts", cookie: agentCookie },
  { name: "GET /api/health (reference: the app without a query)", path: () => "/api/health" },
  { name: "bare node:http (reference)", path: () => "/", server: "bare" },
];

const routes = allRoutes.filter((route) => !only || !route.cookie || route.name.includes(only));

const port = await freePort();
const barePort = await freePort();
const app = await startApp(port, { LOG_LEVEL: "error" }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
const bare = await startProcess(
  "bare node:http",
  ["-e", `require("node:http").createServer((req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end("{}"); }).listen(${barePort}, "127.0.0.1", () => console.log("ready"))`],
  process.env,
  /^ready$/,
);

const summary = (result: LoadResult) => ({
  requestsPerSecond: Math.round(result.ok / result.seconds),
  ...latencySummary(result.latenciesMs),
  ...(result.errors > 0 ? { failures: result.failures } : {}),
});

try {
  const results: Record<string, unknown> = {};
  for (const route of routes) {
    const target = route.server === "bare" ? barePort : port;
    const headers: Record<string, string> = route.cookie ? { cookie: route.cookie } : {};
    const load = (): LoadRequest => ({ method: "GET", path: route.path(), body: "", headers });
    await closedLoop(target, connections, WARMUP_SECONDS, load);
    const loadBefore = loadAverage();
    const cpuBefore = await cpuSnapshot([(route.server === "bare" ? bare : app).pid!], db());
    const generatorBefore = process.cpuUsage();
    const result = await closedLoop(target, connections, seconds, load);
    const generator = process.cpuUsage(generatorBefore);
    // CPU per answer: the server's, its database's, and the load generator's own (all on the same two cores).
    const { appMs, appMainThreadMs, databaseMs } = cpuPerMessage(cpuBefore, await cpuSnapshot([(route.server === "bare" ? bare : app).pid!], db()), result.ok);
    const cpuMsPerRequest = { server: appMs, serverMainThread: appMainThreadMs, database: databaseMs, loadGenerator: Math.round(((generator.user + generator.system) / 1000 / result.ok) * 100) / 100 };
    results[route.name] = { ...summary(result), cpuMsPerRequest, loadAverage: [loadBefore[0], loadAverage()[0]] };
    log(`${route.name}: ${JSON.stringify(results[route.name])}`);
  }
  console.log(JSON.stringify({ settings: { connections, seconds, conversations: SEED.conversations }, results }, null, 2));
} finally {
  await stopProcess(app);
  await stopProcess(bare);
  await disconnectDb();
  await database.drop();
}
