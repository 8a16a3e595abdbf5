// The webhook processor's thread. Processing (parsing, Prisma, profile reads) runs here so its CPU
// never delays an acknowledgement on the main thread, where Facebook's POSTs are answered. Realtime
// batches are forwarded to the main thread, which owns the sockets. Started by start-webhook-worker.ts.
import { parentPort } from "node:worker_threads";
import { disconnectDb } from "@/lib/db";
import { setRealtimePublisher } from "@/lib/realtime/io";
import { onProcessorLead, signalWebhookStored } from "@/lib/webhooks/webhook-queue-signal";
import { startWebhookProcessor, stopWebhookProcessor } from "@/lib/webhooks/webhook-processor";
import type { ToMainThread, ToWorker } from "@/lib/webhooks/webhook-worker-messages";

if (!parentPort) throw new Error("webhook-worker.ts runs only as a worker thread");
const port = parentPort;
const send = (message: ToMainThread) => port.postMessage(message);

// publish() validates each batch here, then the main thread sends it on through its Socket.io
// server and adapter as it is: this thread holds no adapter connection of its own.
setRealtimePublisher((emissions) => send({ kind: "publish", emissions }));

onProcessorLead((leads) => send({ kind: "lead", leads }));
startWebhookProcessor();

port.on("message", (message: ToWorker) => {
  if (message.kind === "wake") signalWebhookStored();
  else if (message.kind === "stop") {
    void stopWebhookProcessor()
      .then(disconnectDb)
      .finally(() => send({ kind: "stopped" }));
  }
});
