// A child process for the crash test: the custom server's webhook fast path and the webhook worker
// thread, as server.ts runs them — without building Next.js. Configured by the environment
// (DATABASE_URL, META_*); prints "listening <port>" when ready.
import { startWebhookServer } from "./webhook-http-server";
import { startWebhookWorker, stopWebhookWorker } from "../../lib/webhooks/start-webhook-worker";
import { disconnectDb } from "../../lib/db";

startWebhookWorker();
const server = await startWebhookServer();
process.stdout.write(`listening ${new URL(server.url).port}\n`);

process.on("SIGTERM", () => {
  void server
    .close()
    .then(stopWebhookWorker)
    .then(disconnectDb)
    .then(() => process.exit(0));
});
