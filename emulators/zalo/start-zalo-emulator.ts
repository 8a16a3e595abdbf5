// Starts the Zalo emulator: OAuth v4 (permission page, token endpoint), the OA Open API, signed
// webhooks and the control API, all on one node:http server (one port plays both Zalo hosts).
import { runEmulator, type RunningEmulator } from "../shared/run-emulator";
import type { WorldStore } from "../shared/world-saver";
import { createRequestHandler } from "./request-handler";
import { seedWorldWith, type SeedOptions } from "./seed-world";
import { ZaloWebhookSender } from "./webhook-delivery";
import { ZaloWorld } from "./world";
import { restoreZaloWorld, snapshotZaloWorld, type ZaloWorldSnapshot } from "./world-snapshot";

export type ZaloWorldStore = WorldStore<ZaloWorldSnapshot>;

export interface ZaloEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
  /** The OA secret key webhooks are signed with. */
  oaSecretKey: string;
  /** Shown on the permission page. */
  appName?: string;
  webhookUrl?: string;
  /** Zalo's limit is 2 s. */
  webhookTimeoutMs?: number;
  /** Zalo retries for hours; tests pass short delays. */
  webhookRetryDelaysMs?: number[];
  echoBeforeAnswer?: boolean;
  signatureStyle?: "mac" | "bare";
  /** The URL the app and browsers reach the emulator at, when not http://{host}:{port}. */
  publicUrl?: string;
  /** Where the world is kept between runs; without one, every start is the seeded world. */
  store?: ZaloWorldStore;
  seed?: SeedOptions;
}

export type ZaloEmulator = RunningEmulator<ZaloWorld>;

/** Zalo's documented retry span is hours; these add up to about 2 h. */
const DEFAULT_RETRY_DELAYS_MS = [10_000, 60_000, 5 * 60_000, 20 * 60_000, 90 * 60_000];

export async function startZaloEmulator(options: ZaloEmulatorOptions): Promise<ZaloEmulator> {
  const world = new ZaloWorld(
    {
      appId: options.appId,
      appSecret: options.appSecret,
      oaSecretKey: options.oaSecretKey,
      appName: options.appName ?? "Chat đa kênh",
      webhookUrl: options.webhookUrl,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 2000,
      webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      echoBeforeAnswer: options.echoBeforeAnswer ?? false,
      signatureStyle: options.signatureStyle ?? "mac",
    },
    seedWorldWith(options.seed ?? {}),
  );
  return runEmulator(
    world,
    {
      store: options.store,
      restore: restoreZaloWorld,
      snapshot: snapshotZaloWorld,
      logLabel: "zalo-emulator",
    },
    (scheduler) =>
      createRequestHandler({ world, webhooks: new ZaloWebhookSender(world, scheduler), scheduler }),
    options,
  );
}
