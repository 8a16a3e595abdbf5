// The custom server's webhook fast path (serveWebhooks) on a real node:http server, as
// start-server.ts mounts it, for tests that POST webhooks the way Facebook does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveWebhooks, webhookPath } from "../../lib/webhooks/serve-webhooks";
import { signWebhookBody } from "../../lib/channels/facebook/webhook-signature";
import type { Platform } from "../../lib/generated/prisma/enums";

export interface WebhookServer {
  url: string;
  close: () => Promise<void>;
}

/** `url` is the platform's webhook URL on it (every platform's is served). */
export async function startWebhookServer(port = 0, platform: Platform = "facebook"): Promise<WebhookServer> {
  const server = createServer((request, response) => {
    if (!serveWebhooks(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${webhookPath(platform)}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a body signed like Facebook signs it; resolves with the HTTP status. */
export async function postSignedWebhook(url: string, rawBody: string, appSecret: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    body: rawBody,
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(appSecret, rawBody) },
  });
  await response.arrayBuffer();
  return response.status;
}
