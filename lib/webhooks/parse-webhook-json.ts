// The first step of normalising any platform's webhook body: refuse one nested past the platform's
// limit (before parsing it, since parsing recurses), parse it, and drop U+0000, which PostgreSQL text
// and jsonb cannot hold (the event could never be stored).
import { jsonNestingDepth } from "@/lib/http/json-depth";

export function parseWebhookJson(
  rawBody: string,
  maxDepth: number,
): { ok: true; json: unknown } | { ok: false; reason: string } {
  if (jsonNestingDepth(rawBody) > maxDepth)
    return { ok: false, reason: `nested deeper than ${maxDepth} levels` };
  try {
    return {
      ok: true,
      json: JSON.parse(rawBody, (_key, value: unknown) =>
        typeof value === "string" ? value.replaceAll("\u0000", "") : value,
      ),
    };
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
}
