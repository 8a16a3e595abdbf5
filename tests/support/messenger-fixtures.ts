// Recorded-shape Messenger webhook bodies from tests/fixtures/messenger/, with their {{NAME}}
// placeholders (page ids, PSIDs, our app id, stored message ids) filled in, and signed like Facebook
// signs them: over the exact bytes, which keep Facebook's \uXXXX and \/ escapes.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { signWebhookBody } from "../../lib/channels/facebook/webhook-signature";

const DIRECTORY = path.resolve(import.meta.dirname, "../fixtures/messenger");

export const messengerFixtureNames: string[] = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith(".json"))
  .sort();

export function messengerFixture(name: string, values: Record<string, string>): string {
  const template = readFileSync(path.join(DIRECTORY, name), "utf8");
  const filled = template.replace(/"\{\{([A-Z0-9_]+)\}\}"/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Fixture ${name} needs a value for {{${key}}}`);
    return JSON.stringify(value);
  });
  return filled;
}

/** A POST to the webhook route exactly as Facebook sends it. */
export function signedWebhookRequest(rawBody: string, appSecret: string, url = "http://localhost/api/webhooks/facebook"): Request {
  return new Request(url, {
    method: "POST",
    body: rawBody,
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(appSecret, rawBody) },
  });
}

/** Deterministic shuffle (a seeded LCG), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
