// A child process for the crash test: the custom server's webhook fast path and the webhook
// processor, as server.ts runs them — without building Next.js. Configured by the environment
// (DATABASE_URL, META_*); prints "listening <port>" when ready.
import { startWebhookServer } from "./webhook-http-server";
import { startWebhookProcessor, stopWebhookProcessor } from "../../lib/webhooks/webhook-processor";
import { disconnectDb } from "../../lib/db";

startWebhookProcessor({ sweepIntervalMs: 250 });
const server = await startWebhookServer();
process.stdout.write(`listening ${new URL(server.url).port}\n`);

process.on("SIGTERM", () => {
  void server
    .close()
    .then(stopWebhookProcessor)
    .then(disconnectDb)
    .then(() => process.exit(0));
});
