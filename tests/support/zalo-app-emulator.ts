// The Zalo emulator as the app's Zalo in integration tests: started with the app's own id and
// secrets (tests/integration/setup-file.ts), the app's OAuth and Open API URLs pointed at it, and
// small callers for its control API (a customer writes, a fault is armed, tokens die).
import { env } from "../../lib/env";
import { answerPermissionPage } from "../../emulators/zalo/permission-driver";
import { startZaloEmulator, type ZaloEmulator, type ZaloEmulatorOptions } from "../../emulators/zalo/start-zalo-emulator";

/** Call before anything reads env(): the app reads Zalo's URLs once. */
export async function startZaloAppEmulator(
  options: Omit<ZaloEmulatorOptions, "appId" | "appSecret" | "oaSecretKey"> = {},
): Promise<ZaloEmulator> {
  const emulator = await startZaloEmulator({
    appId: process.env.ZALO_APP_ID ?? "",
    appSecret: process.env.ZALO_APP_SECRET ?? "",
    oaSecretKey: process.env.ZALO_OA_SECRET_KEY ?? "",
    // Zalo retries for hours; a test's retries come at once.
    webhookRetryDelaysMs: [20, 50, 100],
    ...options,
  });
  process.env.ZALO_API_URL = emulator.url;
  process.env.ZALO_OAUTH_URL = emulator.url;
  if (env().ZALO_API_URL !== emulator.url) throw new Error("env() was read before the Zalo emulator started; start it first");
  return emulator;
}

/** {method} /_emulator/{path}; a refusal fails the test where it happened. */
export async function zaloControl<T>(emulator: ZaloEmulator, path: string, body?: unknown, method = "POST"): Promise<T> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Zalo emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo OA ("Shop Thời Trang Mai"), which the seeded administrator may grant. */
export function demoOaId(emulator: ZaloEmulator): string {
  return emulator.world.oas[0]!.id;
}

/**
 * Answers the permission page at `dialogUrl` as `oaId`'s administrator, granting it; the result is
 * what the redirect back hands the app.
 */
export async function grantOa(
  emulator: ZaloEmulator,
  dialogUrl: string,
  oaId: string,
): Promise<{ code: string | null; state: string | null; error: string | null }> {
  const adminId = emulator.world.oas.find((oa) => oa.id === oaId)?.adminIds[0];
  const outcome = await answerPermissionPage(dialogUrl, { oaId, adminId });
  return { code: outcome.code ?? null, state: outcome.state ?? null, error: outcome.error ?? null };
}

/** Texts the OA sent the user, as Zalo has them. */
export function oaSentTexts(emulator: ZaloEmulator, oaId: string, userId: string): string[] {
  return emulator.world
    .conversation(oaId, userId)
    .filter((message) => message.src === 0)
    .map((message) => message.text ?? "");
}
