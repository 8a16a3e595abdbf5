// Accepts one webhook POST of any platform: size limit, the provider's signature check over the raw
// bytes, the provider's quick look at the body, then the committed INSERT. Nothing else happens before
// the answer, so the platform gets it in milliseconds; the events are processed afterwards from the
// stored row (webhook-processor.ts).
import { logger } from "@/lib/logger";
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import type { Platform } from "@/lib/generated/prisma/enums";
import { storeWebhookEvent } from "@/lib/webhooks/store-webhook-event";

/** A webhook POST carries a batch of a few hundred KB at most (Meta's: up to 1,000 updates); anything past 1 MiB is not a webhook. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type IngestStatus = 200 | 400 | 403 | 413;

export interface IncomingWebhook {
  /** The provider's signature header. */
  signature: string | null;
  /** The Content-Length header, when the sender declared one. */
  contentLength: string | null;
  body: AsyncIterable<Uint8Array>;
}

/** The body up to `limit` bytes; undefined as soon as it grows past it (the rest is not read). */
async function readLimited(body: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return undefined; // leaving the loop stops reading the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export async function ingestWebhook(
  platform: Platform,
  inbound: ChannelProvider["inbound"],
  webhook: IncomingWebhook,
): Promise<IngestStatus> {
  if (!webhook.signature) return 403;
  if (Number(webhook.contentLength ?? 0) > MAX_WEBHOOK_BYTES) return 413;
  const raw = await readLimited(webhook.body, MAX_WEBHOOK_BYTES);
  if (!raw) return 413;
  if (!inbound.verifySignature(raw, webhook.signature)) {
    logger.warn("Webhook rejected: bad signature", { platform, bytes: raw.byteLength });
    return 403;
  }
  const text = raw.toString("utf8");
  // Signed but unreadable (or too deep to process): the platform would send the same bytes again, so
  // storing them would only queue a row that can never succeed. Refused with 400 and logged.
  if (!inbound.looksLikeWebhook(text)) {
    logger.warn("Webhook rejected: signed body is not a webhook JSON object", { platform, bytes: raw.byteLength });
    return 400;
  }
  await storeWebhookEvent(platform, text);
  return 200;
}
