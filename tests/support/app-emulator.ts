// The Meta emulator as the app's Facebook in integration tests: started with the app's own id and
// secret, the app's Graph and Login dialog URLs pointed at it, and its control API for what happens
// on Facebook's side (a customer writes, a fault is armed, tokens die).
import { env } from "../../lib/env";
import { startMetaEmulator, type MetaEmulator, type MetaEmulatorOptions } from "../../emulators/meta/start-meta-emulator";

/** Call before anything reads env(): the app reads the Graph and dialog URLs once. */
export async function startAppEmulator(options: Omit<MetaEmulatorOptions, "appId" | "appSecret"> = {}): Promise<MetaEmulator> {
  const emulator = await startMetaEmulator({ appId: process.env.META_APP_ID ?? "", appSecret: process.env.META_APP_SECRET ?? "", ...options });
  process.env.META_GRAPH_URL = emulator.url;
  process.env.META_DIALOG_URL = emulator.url;
  if (env().META_GRAPH_URL !== emulator.url) throw new Error("env() was read before the emulator started; start it first");
  return emulator;
}

/** POST /_emulator/{path}; a refusal fails the test where it happened. */
export async function emulatorControl<T>(emulator: MetaEmulator, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function addFault(emulator: MetaEmulator, fault: Record<string, unknown>): Promise<unknown> {
  return emulatorControl(emulator, "faults", fault);
}

/** Every token of the page stops working, as when its admin changes their password or the token expires. */
export function invalidatePageTokens(emulator: MetaEmulator, pageId: string, reason: "expired" | "password_changed"): Promise<unknown> {
  return emulatorControl(emulator, "tokens/invalidate", { pageId, reason });
}
