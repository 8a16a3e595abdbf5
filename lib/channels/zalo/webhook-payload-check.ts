// The quick look at a signed Zalo webhook body before it is stored: a JSON object, no deeper than
// Zalo's own events go, naming its event; the rest is checked by the processor.
import { jsonNestingDepth } from "@/lib/http/json-depth";
import { zaloEnvelopeSchema } from "@/lib/channels/zalo/webhook-payload";

/** Zalo's events nest about 5 levels deep. */
export const MAX_ZALO_WEBHOOK_DEPTH = 32;

export function looksLikeZaloWebhook(text: string): boolean {
  if (jsonNestingDepth(text) > MAX_ZALO_WEBHOOK_DEPTH) return false;
  try {
    return zaloEnvelopeSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}
