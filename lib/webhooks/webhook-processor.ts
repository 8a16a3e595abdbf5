// Runs the webhook queue (in the server's webhook worker thread, see start-webhook-worker.ts; in
// tests also in-process): woken at once when a webhook is stored (by this process directly, by any
// process through a NOTIFY, webhook-stored-notice.ts), and sweeping every few seconds as a fallback
// (retries coming due, a restart's backlog, announcements missed while LISTEN was down).
//
// With several processes, one processor leads and claims; the others stand by and try to take the
// lead every second, which they get within a second of the leader's exit, crash or lost database
// link (the lead is an advisory lock of its LISTEN session). When the leader falls behind (a
// webhook has waited over a second for its first try), the standbys claim too, until their claims
// come back short: more processes still process more. Claims stay FOR UPDATE SKIP LOCKED, so
// correctness never depends on there being one leader. Measured with three processes on two cores
// (docs/benchmarks.md, 4 December): when every processor claimed, each claim held a third of the
// webhooks, and the app and database spent more CPU per message than with one processor leading.
//
// Why not pg-boss for this: the raw body must be committed before the 200 anyway, so the table that
// holds it already is a durable queue; enqueueing a pg-boss job as well would double the writes on
// the hottest path (two inserts, or one transaction touching two tables) for no extra guarantee.
// The NOTIFY is sent after the insert's commit, never inside it: NOTIFY takes a database-wide lock
// at commit, which would serialise every webhook insert.
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { DEFAULT_BATCH_SIZE, firstTriesWaitLongerThan, processWebhookQueueBatch, type QueueOptions } from "@/lib/webhooks/process-webhook-queue";
import { pruneWebhookEvents } from "@/lib/webhooks/prune-webhook-events";
import { onWebhookStored, reportProcessorLead } from "@/lib/webhooks/webhook-queue-signal";
import { listenForStoredWebhooks, type WebhookSession } from "@/lib/webhooks/webhook-stored-notice";

const DEFAULT_SWEEP_MS = 5_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/**
 * Measured end to end at 200 messages/s on 2 cores (docs/benchmarks.md, 4 December): 10 ms gave
 * claims of about two messages; 25 ms cut the app's CPU per message by 16 % and the database's by
 * 28 %, and lowered the p99 (81 → 68 ms) for a p50 8 ms higher; 50 ms raised both.
 */
const MIN_CLAIM_INTERVAL_MS = 25;
/** How often a processor on standby asks for the lead (one statement on its LISTEN session). */
const LEAD_RETRY_MS = 1_000;
/** A webhook waiting this long for its first try means the leader is behind: standbys help. */
const DEFAULT_BEHIND_MS = 1_000;

interface ProcessorOptions extends QueueOptions {
  sweepIntervalMs?: number;
  behindMs?: number;
}

interface Processor {
  stopping: boolean;
  session: WebhookSession;
  woken: boolean;
  wake: () => void;
  done: Promise<void>;
}

const holder = globalThis as unknown as { __webhookProcessor?: Processor };

export function startWebhookProcessor(options: ProcessorOptions = {}): void {
  if (holder.__webhookProcessor) return;
  let resolveWait: (() => void) | undefined;
  const wake = () => {
    processor.woken = true;
    resolveWait?.();
  };
  const processor: Processor = {
    stopping: false,
    session: listenForStoredWebhooks(env().DATABASE_URL, wake),
    woken: true,
    wake,
    done: Promise.resolve(),
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      resolveWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  processor.done = (async () => {
    const sweepMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_MS;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let lastPrune = 0;
    let lastClaimAt = 0;
    let lastLeadTry = -Infinity;
    const behindMs = options.behindMs ?? DEFAULT_BEHIND_MS;
    let helping = false;
    /**
     * On standby, every LEAD_RETRY_MS however often it is woken: takes the lead if it is free, or
     * starts helping if the leader is behind.
     */
    const standBy = async () => {
      const wait = lastLeadTry + LEAD_RETRY_MS - Date.now();
      if (wait > 0) return sleep(wait);
      lastLeadTry = Date.now();
      if (await processor.session.tryToLead()) return;
      helping = await firstTriesWaitLongerThan(behindMs).catch(() => false);
      if (!helping) await sleep(LEAD_RETRY_MS);
    };
    let reportedLead = false;
    while (!processor.stopping) {
      const leads = processor.session.leads();
      if (leads !== reportedLead) reportProcessorLead((reportedLead = leads));
      if (!leads && !helping) {
        await standBy();
        continue;
      }
      processor.woken = false;
      let claimed = 0;
      lastClaimAt = Date.now();
      try {
        claimed = await processWebhookQueueBatch(options);
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneWebhookEvents();
        }
      } catch (error) {
        logger.error("Webhook processor could not reach the queue; retrying at the next sweep", { error });
        await sleep(sweepMs);
        continue;
      }
      // A full batch means more is waiting: go on at once.
      if (claimed >= batchSize) continue;
      // A standby that helped has caught up: it stands by again.
      if (helping) {
        helping = false;
        continue;
      }
      // Rows arrived meanwhile: claim again, but not sooner than MIN_CLAIM_INTERVAL_MS after the
      // last claim. A quiet server claims a lone webhook at once; a busy one gathers rows into
      // fewer, larger claims, each of which costs a few queries whatever its size.
      if (processor.woken) {
        // Not interruptible by further wake-ups: those are exactly what is being gathered.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastClaimAt + MIN_CLAIM_INTERVAL_MS - Date.now())));
        continue;
      }
      await sleep(sweepMs);
    }
  })();

  onWebhookStored(processor.wake);
  holder.__webhookProcessor = processor;
}

/** Lets the batch in progress finish (its events commit one by one), then stops. */
export async function stopWebhookProcessor(): Promise<void> {
  const processor = holder.__webhookProcessor;
  if (!processor) return;
  onWebhookStored(undefined);
  processor.stopping = true;
  processor.wake();
  await Promise.all([processor.done, processor.session.stop()]);
  reportProcessorLead(false);
  holder.__webhookProcessor = undefined;
}
