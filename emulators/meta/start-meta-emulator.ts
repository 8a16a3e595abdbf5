// Starts the Facebook emulator: Login dialog, Graph API, webhooks and the control API on one node:http server.
import { createRequestHandler } from "./request-handler";
import { runEmulator, type RunningEmulator } from "../shared/run-emulator";
import { WebhookSender } from "./webhook-delivery";
import { World } from "./world";
import { restoreWorld, snapshotWorld } from "./world-snapshot";
import type { WorldStore } from "./world-store";
import type { EmulatorConfig } from "./world-types";

export interface MetaEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
  /** Shown on the login dialog. */
  appName?: string;
  webhookUrl?: string;
  deauthorizeUrl?: string;
  graphVersion?: string;
  /** Threads pre-seeded on the history page "Cửa Hàng Lâu Năm". */
  historyThreads?: number;
  webhookTimeoutMs?: number;
  webhookRetryDelaysMs?: number[];
  unsubscribeOnWebhookFailure?: boolean;
  echoBeforeResponse?: boolean;
  echoDelayMs?: number;
  deliveryDelayMs?: number;
  /** The URL the app and browsers reach the emulator at, when not http://{host}:{port}. */
  publicUrl?: string;
  /** Where the world is kept between runs; without one, every start is the seeded world. */
  store?: WorldStore;
}

export type MetaEmulator = RunningEmulator<World>;

export async function startMetaEmulator(options: MetaEmulatorOptions): Promise<MetaEmulator> {
  const config: EmulatorConfig = {
    appId: options.appId,
    appSecret: options.appSecret,
    appName: options.appName ?? "Chat đa kênh",
    graphVersion: options.graphVersion ?? "v27.0",
    historyThreads: options.historyThreads ?? 40,
    webhookUrl: options.webhookUrl,
    deauthorizeUrl: options.deauthorizeUrl,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5000,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [500, 2000, 5000],
    unsubscribeOnWebhookFailure: options.unsubscribeOnWebhookFailure ?? true,
    echoBeforeResponse: options.echoBeforeResponse ?? false,
    echoDelayMs: options.echoDelayMs ?? 0,
    deliveryDelayMs: options.deliveryDelayMs ?? 300,
  };
  const world = new World(config);
  return runEmulator(
    world,
    { store: options.store, restore: restoreWorld, snapshot: snapshotWorld, logLabel: "meta-emulator" },
    (scheduler) => createRequestHandler({ world, webhooks: new WebhookSender(world, scheduler), scheduler }),
    options,
  );
}
