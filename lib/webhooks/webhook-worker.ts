// The webhook processor's thread. Processing (parsing, Prisma, profile reads) runs here so its CPU
// never delays an acknowledgement on the main thread, where Facebook's POSTs are answered. Realtime
// events are forwarded to the main thread, which owns the sockets. Started by start-webhook-worker.ts.
import { parentPort } from "node:worker_threads";
import type { Server } from "socket.io";
import { disconnectDb } from "@/lib/db";
import { setRealtimeServer } from "@/lib/realtime/io";
import { signalWebhookStored } from "@/lib/webhooks/webhook-queue-signal";
import { startWebhookProcessor, stopWebhookProcessor } from "@/lib/webhooks/webhook-processor";
import type { ToMainThread, ToWorker } from "@/lib/webhooks/webhook-worker-messages";

if (!parentPort) throw new Error("webhook-worker.ts runs only as a worker thread");
const port = parentPort;
const send = (message: ToMainThread) => port.postMessage(message);

// emitTo() validates a payload, then calls io.to(rooms).emit(event, payload): this stand-in hands
// that call to the main thread's Socket.io server.
const forwardingServer = {
  to: (rooms: string[]) => ({
    emit: (event: string, payload: unknown) => {
      send({ kind: "emit", rooms, event, payload });
      return true;
    },
  }),
};
setRealtimeServer(forwardingServer as unknown as Server);

startWebhookProcessor();

port.on("message", (message: ToWorker) => {
  if (message.kind === "wake") signalWebhookStored();
  else if (message.kind === "stop") {
    void stopWebhookProcessor()
      .then(disconnectDb)
      .finally(() => send({ kind: "stopped" }));
  }
});
