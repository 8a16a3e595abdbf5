// The quick look at a signed Messenger webhook body before it is stored: a JSON object with an
// `entry` array, nested no deeper than the processor goes; the rest is checked by the processor.
import { jsonNestingDepth } from "@/lib/http/json-depth";

export function looksLikeMessengerWebhook(text: string, maxDepth: number): boolean {
  if (jsonNestingDepth(text) > maxDepth) return false;
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === "object" && json !== null && "entry" in json && Array.isArray(json.entry);
  } catch {
    return false;
  }
}
