// Benchmark: the webhook acknowledgement's own cost, in this process and without HTTP — the
// provider's signature check over the raw bytes, its body check and the group-committed INSERT
// (lib/webhooks/ingest-webhook.ts), 32 at a time. Reports CPU time per acknowledgement (user +
// system of this process), which a machine busy with other work disturbs far less than the
// requests/s of bench/webhook-ingest.ts, and acknowledgements per second.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/webhook-ingest-cpu.ts [--acks 6000]
import { createHmac, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "./support/bench-database";
import { intFlag } from "./support/stats";

const ackCount = intFlag("acks", 6000);
const CONCURRENCY = 32;
/** A page with no channel: the rows are stored and never processed (there is no processor here). */
const PAGE_ID = "109000000000002";

const database = await createBenchDatabase("webhook_ingest_cpu");
const { ingestWebhook } = await import("../lib/webhooks/ingest-webhook");
const { providers } = await import("../lib/channels/registry");
const { disconnectDb } = await import("../lib/db");
const appSecret = process.env.META_APP_SECRET ?? "";

let counter = 0;
/** One signed Messenger text message, as bench/webhook-ingest.ts sends it. */
function webhook() {
  const n = counter++;
  const raw = Buffer.from(
    `{"object":"page","entry":[{"id":"${PAGE_ID}","time":${Date.now()},"messaging":[{"sender":{"id":"25${String(n % 200).padStart(14, "0")}"},` +
      `"recipient":{"id":"${PAGE_ID}"},"timestamp":${Date.now()},"message":{"mid":"m_cpu_${n}_${randomBytes(12).toString("base64url")}",` +
      `"text":"Ch\\u00e0o shop, \\u00e1o n\\u00e0y c\\u00f2n size M kh\\u00f4ng \\u1ea1?"}}]}]}`,
  );
  return {
    signature: `sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`,
    contentLength: String(raw.byteLength),
    body: (async function* () {
      yield raw;
    })(),
  };
}

async function acknowledge(total: number): Promise<void> {
  let left = total;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const status = await ingestWebhook("facebook", providers.facebook.inbound, webhook());
        if (status !== 200) throw new Error(`Webhook refused with ${status}`);
      }
    }),
  );
}

try {
  const loadAtStart = loadavg()[0];
  await acknowledge(1000); // warm-up: JIT, pool
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await acknowledge(ackCount);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      acks: ackCount,
      cpuMicrosecondsPerAck: Math.round((cpu.user + cpu.system) / ackCount),
      acksPerSecond: Math.round(ackCount / seconds),
    }),
  );
} finally {
  await disconnectDb();
  await database.drop();
}
