// Benchmark: the template list behind GET /api/templates ("Tin nhắn mẫu" in the composer's "/"
// picker) with 500 templates the viewer may see: 400 shared and 100 of their own, 150–650 characters
// of Vietnamese text each, one in five with files; plus 1,000 personal templates of 20 other staff,
// which the viewer must not get and the query must skip. Times listTemplatesJson (visibility rule,
// the list of templates and their versions, each template kept encoded per process) and the
// route itself over HTTP (the app in its own process on the production build, the agent's real
// session cookie): a full answer when the same user asks again for an unchanged list (the process
// keeps it encoded), a full answer right after one of the viewer's own templates changed, and right
// after a shared one changed (the changed template is read and encoded again); and the
// revalidation the picker's later opens make (If-None-Match → 304). The changes are made before each
// timed call, outside its time.
// Sequential calls; p50/p95/p99.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/template-list.ts [--iterations 500] [--build]
// (the benchmarks' production build, .next-bench, is made first if missing; --build remakes it)
import type { ChildProcess } from "node:child_process";
import { Agent, get } from "node:http";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { ensureProductionBuild, freePort, startApp, stopProcess } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { intFlag, latencySummary } from "./support/stats";
import { sessionCookie } from "../tests/support/socket-client";

const ITERATIONS = intFlag("iterations", 500);
const WARMUP = 50;
const TARGET_MS = 20;
const SHARED = 400;
const OWN = 100;
const OTHERS = 20;
const PER_OTHER = 50;

ensureProductionBuild();
const port = await freePort();
const database = await createBenchDatabase("template_list");
const { db, disconnectDb } = await import("../lib/db");
const { listTemplates, listTemplatesJson } = await import("../lib/templates/list-templates");
const { shortcutKeyOf, templateSearchText } = await import("../lib/templates/template-keys");
const { createStaff, createWorkspace } = await import("../tests/support/assignment-fixtures");

const phrases = [
  "Dạ chào {ten_khach}, {ten_trang} xin cảm ơn anh/chị đã quan tâm ạ.",
  "Áo thun cotton 100% giá 150.000đ, mua từ 2 áo được freeship toàn quốc.",
  "Phí ship nội thành Hà Nội và TP.HCM là 20.000đ, các tỉnh khác 30.000đ.",
  "Bảng size: M dưới 55kg, L từ 55 đến 65kg, XL từ 65 đến 75kg.",
  "Shop còn đủ màu trắng, đen, be và xanh rêu ạ.",
  "Anh/chị cho em xin số điện thoại và địa chỉ nhận hàng để em lên đơn nhé.",
  "Đơn hàng được giao trong 2–4 ngày làm việc, được kiểm tra hàng trước khi nhận.",
  "Em là {ten_nhan_vien}, anh/chị cần hỗ trợ thêm gì cứ nhắn em ạ.",
];

function templateText(index: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.join(" ").length < 150 + ((index * 37) % 500); i++) parts.push(phrases[(index + i) % phrases.length]!);
  return parts.join(" ");
}

const files = (index: number) =>
  index % 5 === 0
    ? [{ uploadId: randomBytes(24).toString("base64url"), type: "image", name: `mau-${index}.jpg`, contentType: "image/jpeg", size: 120_000 + index }]
    : [];

function row(workspaceId: string, ownerId: string | null, index: number) {
  const shortcut = `mau-${ownerId ? "rieng" : "chung"}-${index}`;
  const text = templateText(index);
  return {
    workspaceId,
    ownerId,
    scope: ownerId ?? "shared",
    shortcut,
    shortcutKey: shortcutKeyOf(shortcut),
    text,
    attachments: files(index),
    searchText: templateSearchText(shortcut, text),
  };
}

let server: ChildProcess | undefined;
try {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const [viewer, ...others] = await createStaff(workspaceId, OTHERS + 1);
  await db().messageTemplate.createMany({ data: Array.from({ length: SHARED }, (_, index) => row(workspaceId, null, index)) });
  await db().messageTemplate.createMany({ data: Array.from({ length: OWN }, (_, index) => row(workspaceId, viewer!.id, index)) });
  for (const other of others) {
    await db().messageTemplate.createMany({ data: Array.from({ length: PER_OTHER }, (_, index) => row(workspaceId, other.id, index)) });
  }
  await db().$executeRawUnsafe(`ANALYZE "MessageTemplate"`);

  const { templates: seen } = await listTemplates(viewer!);
  const bytes = Buffer.byteLength(JSON.stringify({ templates: seen, agentName: viewer!.name }));
  console.log(`Seeded ${await db().messageTemplate.count()} templates; the agent sees ${seen.length} (${Math.round(bytes / 1024)} KB of JSON), the admin ${(await listTemplates(admin)).templates.length}.`);
  if (seen.length !== SHARED + OWN) throw new Error(`The agent should see ${SHARED + OWN} templates, saw ${seen.length}`);

  server = await startApp(port);
  const cookie = await sessionCookie(viewer!);
  // Time to the last byte, as node:http receives it on a kept-alive connection: the load generator
  // shares the two cores with the app, so decoding the 334 KB as a browser would (on its own
  // machine) is left out. Uncompressed: with gzip the figures were the same within noise.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const overHttp = (ifNoneMatch?: string) =>
    new Promise<{ status: number; tag: string }>((resolve, reject) => {
      const headers = { cookie, "accept-encoding": "identity", ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) };
      get({ host: "127.0.0.1", port, path: "/api/templates", agent, headers }, (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => (received += chunk.length));
        response.on("end", () => {
          const expected = ifNoneMatch ? response.statusCode === 304 : response.statusCode === 200 && received >= bytes;
          if (expected) resolve({ status: response.statusCode!, tag: String(response.headers.etag) });
          else reject(new Error(`GET /api/templates answered ${response.statusCode} with ${received} bytes`));
        });
      }).on("error", reject);
    });
  const { tag } = await overHttp();

  // A change as an editor makes it: the template's updatedAt moves, so the list's version does.
  const [ownTemplate, sharedTemplate] = await Promise.all([
    db().messageTemplate.findFirstOrThrow({ where: { ownerId: viewer!.id }, select: { id: true } }),
    db().messageTemplate.findFirstOrThrow({ where: { ownerId: null }, select: { id: true } }),
  ]);
  const touch = (id: string) => db().messageTemplate.update({ where: { id }, data: { updatedAt: new Date() } });

  const scenarios: [string, () => Promise<unknown>, (() => Promise<unknown>)?][] = [
    ["listTemplatesJson · agent (500 visible)", () => listTemplatesJson(viewer!)],
    ["listTemplatesJson · admin (400 shared)", () => listTemplatesJson(admin)],
    ["GET /api/templates, full answer · agent asking again", () => overHttp()],
    ["GET /api/templates revalidated (If-None-Match → 304) · agent", () => overHttp(tag)],
    ["GET /api/templates, full answer after one of her templates changed", () => overHttp(), () => touch(ownTemplate.id)],
    ["GET /api/templates, full answer after a shared template changed", () => overHttp(), () => touch(sharedTemplate.id)],
  ];
  const rows: string[] = [];
  for (const [name, run, change] of scenarios) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      await change?.();
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    const { p50, p95, p99 } = latencySummary(times);
    rows.push(`| ${name} | ${p50} | ${p95} | ${p99} | ${p95 <= TARGET_MS ? "✓" : "✗"} |`);
    console.log(`${name}: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`);
  }
  console.log(`\n| Call (${ITERATIONS} each, sequential) | p50 ms | p95 ms | p99 ms | ≤ ${TARGET_MS} ms |\n|---|---:|---:|---:|:-:|\n${rows.join("\n")}`);
} finally {
  if (server) await stopProcess(server);
  await disconnectDb();
  await database.drop();
}
