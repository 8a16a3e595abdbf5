// Starts the webhook processor in its own thread (webhook-worker.ts), wakes it whenever a webhook
// is stored, relays its realtime batches to the sockets, and restarts it if it dies. The queue is in
// the database, so a restarted worker simply claims what is left.
import { Worker } from "node:worker_threads";
import { logger } from "@/lib/logger";
import { relayPublished } from "@/lib/realtime/io";
import { onWebhookStored, reportProcessorLead } from "@/lib/webhooks/webhook-queue-signal";
import type { ToMainThread, ToWorker } from "@/lib/webhooks/webhook-worker-messages";

const RESTART_DELAY_MS = 1_000;
/**
 * Under load every stored batch signals; the worker claims at most every 20 ms anyway, so wake-ups
 * are coalesced (the first goes at once, later ones ride on one trailing message).
 */
const WAKE_INTERVAL_MS = 10;
/**
 * V8 lets a thread's young generation grow to 48 MB (two 16 MB semi-spaces), and a start-up or a
 * burst leaves it there: 32 MB held per thread until the heap shrinks minutes later. Processing
 * allocates little per event and keeps few objects, so a 4 MB semi-space means more scavenges of a
 * smaller space; docs/benchmarks.md ("Memory of an idle process") has the figures, and says that the
 * processor's speed with it could not be told apart from the machine's noise.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

function throttled(action: () => void, intervalMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      last = Date.now();
      action();
    }, Math.max(0, last + intervalMs - Date.now()));
  };
}

interface Running {
  worker: Worker;
  stopping: boolean;
}

const holder = globalThis as unknown as { __webhookWorker?: Running };

function spawnWorker(): Running {
  const worker = new Worker(new URL("./webhook-worker-entry.mjs", import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const running: Running = { worker, stopping: false };
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.on("message", (message: ToMainThread) => {
    // Already validated by publish() in the worker.
    if (message.kind === "publish") relayPublished(message.emissions);
    else if (message.kind === "lead") reportProcessorLead(message.leads);
  });
  worker.on("error", (error) => logger.error("Webhook worker crashed", { error }));
  worker.on("exit", (code) => {
    reportProcessorLead(false);
    if (running.stopping) return;
    logger.error("Webhook worker exited; restarting it", { code });
    setTimeout(() => {
      if (holder.__webhookWorker === running) holder.__webhookWorker = spawnWorker();
    }, RESTART_DELAY_MS);
  });
  onWebhookStored(throttled(() => send({ kind: "wake" }), WAKE_INTERVAL_MS));
  return running;
}

export function startWebhookWorker(): void {
  holder.__webhookWorker ??= spawnWorker();
}

/** Lets the batch in progress finish, then ends the thread. */
export async function stopWebhookWorker(): Promise<void> {
  const running = holder.__webhookWorker;
  if (!running) return;
  holder.__webhookWorker = undefined;
  running.stopping = true;
  onWebhookStored(undefined);
  await new Promise<void>((resolve) => {
    running.worker.once("exit", () => resolve());
    running.worker.on("message", (message: ToMainThread) => {
      if (message.kind === "stopped") void running.worker.terminate();
    });
    running.worker.postMessage({ kind: "stop" } satisfies ToWorker);
  });
}
