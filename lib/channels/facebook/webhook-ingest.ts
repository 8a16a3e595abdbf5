// Accepts one Messenger webhook POST: size limit, signature over the raw bytes, a JSON sanity check,
// then one committed INSERT. Nothing else happens before the 200, so Facebook gets its answer in
// milliseconds; the events are processed afterwards from the stored row (lib/webhooks/).
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isValidWebhookSignature } from "@/lib/channels/facebook/webhook-signature";
import { storeWebhookEvent } from "@/lib/webhooks/store-webhook-event";

/** Facebook batches up to 1,000 updates (a few hundred KB); anything past 1 MiB is not a webhook. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type IngestResult = 200 | 400 | 403 | 413;

/** Reads the body up to `limit` bytes; undefined as soon as it grows past it (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** A webhook body is a JSON object with `object` and an `entry` array; the rest is checked later. */
function looksLikeWebhook(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === "object" && json !== null && "entry" in json && Array.isArray(json.entry);
  } catch {
    return false;
  }
}

export async function ingestMessengerWebhook(request: Request): Promise<IngestResult> {
  const signature = request.headers.get("x-hub-signature-256");
  if (!signature) return 403;
  const raw = await readLimited(request, MAX_WEBHOOK_BYTES);
  if (!raw) return 413;
  if (!isValidWebhookSignature(env().META_APP_SECRET, raw, signature)) {
    logger.warn("Webhook rejected: bad signature", { bytes: raw.byteLength });
    return 403;
  }
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8");
  // Signed but unreadable: Facebook would send the same bytes again, so storing them would only
  // queue a row that can never succeed. Refused with 400 and logged; nothing is stored.
  if (!looksLikeWebhook(text)) {
    logger.warn("Webhook rejected: signed body is not a webhook JSON object", { bytes: raw.byteLength });
    return 400;
  }
  await storeWebhookEvent("facebook", text);
  return 200;
}
