// A child process for the crash test: the real webhook route handler (app/api/webhooks/facebook)
// behind node:http, and the webhook processor, as server.ts runs them — without building Next.js.
// Configured by the environment (DATABASE_URL, META_*); prints "listening <port>" when ready.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "../../app/api/webhooks/facebook/route";
import { startWebhookProcessor, stopWebhookProcessor } from "../../lib/webhooks/webhook-processor";
import { disconnectDb } from "../../lib/db";

startWebhookProcessor({ sweepIntervalMs: 250 });

const server = createServer(async (req, res) => {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await POST(new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
  res.writeHead(response.status, { "content-type": "text/plain" });
  res.end(await response.text());
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});

process.on("SIGTERM", () => {
  server.close();
  void stopWebhookProcessor()
    .then(disconnectDb)
    .then(() => process.exit(0));
});
