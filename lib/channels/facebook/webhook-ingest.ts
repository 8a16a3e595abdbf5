// Accepts one Messenger webhook POST: size limit, signature over the raw bytes, a JSON sanity check,
// then the committed INSERT. Nothing else happens before the answer, so Facebook gets it in
// milliseconds; the events are processed afterwards from the stored row (lib/webhooks/).
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isValidWebhookSignature } from "@/lib/channels/facebook/webhook-signature";
import { MAX_WEBHOOK_DEPTH } from "@/lib/channels/facebook/normalize-webhook-body";
import { jsonNestingDepth } from "@/lib/http/json-depth";
import { storeWebhookEvent } from "@/lib/webhooks/store-webhook-event";

/** Facebook batches up to 1,000 updates (a few hundred KB); anything past 1 MiB is not a webhook. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type IngestStatus = 200 | 400 | 403 | 413;

export interface IncomingWebhook {
  /** The X-Hub-Signature-256 header. */
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

/**
 * A webhook body is a JSON object with an `entry` array, nested no deeper than the processor goes;
 * the rest is checked by the processor.
 */
function looksLikeWebhook(text: string): boolean {
  if (jsonNestingDepth(text) > MAX_WEBHOOK_DEPTH) return false;
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === "object" && json !== null && "entry" in json && Array.isArray(json.entry);
  } catch {
    return false;
  }
}

/** The server passes node's request (webhook-http.ts); a Web Request works too (test receivers). */
function incoming(source: IncomingWebhook | Request): IncomingWebhook {
  if (!(source instanceof Request)) return source;
  // Node's ReadableStream is async-iterable; the DOM typings do not say so.
  const body = (source.body ?? []) as unknown as AsyncIterable<Uint8Array>;
  return { signature: source.headers.get("x-hub-signature-256"), contentLength: source.headers.get("content-length"), body };
}

export async function ingestMessengerWebhook(source: IncomingWebhook | Request): Promise<IngestStatus> {
  const webhook = incoming(source);
  if (!webhook.signature) return 403;
  if (Number(webhook.contentLength ?? 0) > MAX_WEBHOOK_BYTES) return 413;
  const raw = await readLimited(webhook.body, MAX_WEBHOOK_BYTES);
  if (!raw) return 413;
  if (!isValidWebhookSignature(env().META_APP_SECRET, raw, webhook.signature)) {
    logger.warn("Webhook rejected: bad signature", { bytes: raw.byteLength });
    return 403;
  }
  const text = raw.toString("utf8");
  // Signed but unreadable (or too deep to process): Facebook would send the same bytes again, so
  // storing them would only queue a row that can never succeed. Refused with 400 and logged.
  if (!looksLikeWebhook(text)) {
    logger.warn("Webhook rejected: signed body is not a webhook JSON object", { bytes: raw.byteLength });
    return 400;
  }
  await storeWebhookEvent("facebook", text);
  return 200;
}
