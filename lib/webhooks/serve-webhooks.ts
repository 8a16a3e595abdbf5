// Serves POST /api/webhooks/<platform> for every provider straight from the custom server's node:http
// handler, before Next.js. Measured on the 2-core target machine, Next's router alone cost ~1 ms of
// CPU per request and capped the endpoint near 800 requests/s even for an instant 403; Web
// Request/Response objects cost another third. Here the whole acknowledgement (signature, durable
// INSERT) stays well under that (docs/benchmarks.md, "Webhook ingest"). Each platform's GET
// verification, if it has one, stays in its App Router route.
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/logger";
import { providers } from "@/lib/channels/registry";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ingestWebhook, type IngestStatus } from "@/lib/webhooks/ingest-webhook";

/** A platform's public webhook URL: shops register it in the platform's dashboard, so it never moves. */
export const webhookPath = (platform: Platform) => `/api/webhooks/${platform}`;

const platformByPath = new Map(Object.keys(providers).map((platform) => [webhookPath(platform as Platform), platform as Platform]));

const statusText: Record<IngestStatus | 500, string> = {
  200: "EVENT_RECEIVED",
  400: "Bad Request",
  403: "Forbidden",
  413: "Payload Too Large",
  500: "Internal Server Error",
};

function answer(response: ServerResponse, status: IngestStatus | 500): void {
  // A refused body may still be arriving: close the connection rather than read the rest.
  const headers = { "content-type": "text/plain; charset=utf-8", ...(status === 413 ? { connection: "close" } : {}) };
  response.writeHead(status, headers).end(statusText[status]);
}

/** Handles the request and returns true when it is a webhook POST; false leaves it to Next. */
export function serveWebhooks(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const platform = platformByPath.get(request.url?.split("?")[0] ?? "");
  if (!platform) return false;
  const { inbound } = providers[platform];
  ingestWebhook(platform, inbound, {
    signature: (request.headers[inbound.signatureHeader] as string | undefined) ?? null,
    contentLength: request.headers["content-length"] ?? null,
    // Stopping early (413) must not destroy the socket before the answer is written.
    body: request.iterator({ destroyOnReturn: false }),
  }).then(
    (status) => answer(response, status),
    (error: unknown) => {
      // The sender hung up mid-body: nothing was stored and nobody is left to answer.
      if (request.destroyed && !request.complete) return logger.info("Webhook sender went away before the body was complete");
      // Not stored (database unreachable): a 500 makes the platform retry the same batch later.
      logger.error("Webhook could not be stored", { platform, error });
      answer(response, 500);
    },
  );
  return true;
}
