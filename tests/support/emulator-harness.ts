// What every emulator's own tests share: one emulator per test file, back to its seeded world before
// each test (with its webhook recorder emptied and answering 200), and JSON calls read loosely.
import { afterAll, beforeEach } from "vitest";
import type { WebhookRecorder } from "../../emulators/meta/webhook-recorder";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- platform replies and webhooks are read loosely in assertions
export type Json = any;

export interface JsonReply {
  status: number;
  body: Json;
}

export function emulatorPerTestFile(
  emulator: { close(): Promise<void>; resetWorld(): void },
  recorder?: WebhookRecorder,
): void {
  afterAll(async () => {
    await emulator.close();
    await recorder?.close();
  });
  beforeEach(() => {
    emulator.resetWorld();
    recorder?.requests.splice(0);
    recorder?.respondWith(() => ({ status: 200 }));
  });
}

/** {method} {url}, with `body` as JSON when given; the answer's status and JSON. */
export async function jsonCall(method: string, url: string, body?: unknown): Promise<JsonReply> {
  const res = await fetch(url, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? undefined : { "content-type": "application/json" },
  });
  return { status: res.status, body: await res.json() };
}
