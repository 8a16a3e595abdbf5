// The Meta emulator's own unit tests share one set-up: an emulator per test file (with a webhook
// recorder for the files that check what it sends), back to its seeded world before each test, and
// small readers for the JSON its control API and Graph answer with.
import { startMetaEmulator, type MetaEmulator, type MetaEmulatorOptions } from "../../emulators/meta/start-meta-emulator";
import { startWebhookRecorder, type WebhookRecorder } from "../../emulators/meta/webhook-recorder";
import { emulatorPerTestFile, jsonCall, type JsonReply } from "./emulator-harness";

export type { Json, JsonReply } from "./emulator-harness";

export const APP_ID = "123456789012345";
export const APP_SECRET = "app-secret-for-tests";

/** Every Messenger field the app subscribes a page to. */
export const MESSAGING_FIELDS = "messages,message_echoes,message_deliveries,message_reads,message_reactions,messaging_postbacks";

export type HarnessOptions = Omit<MetaEmulatorOptions, "appId" | "appSecret" | "webhookUrl" | "deauthorizeUrl">;

export interface EmulatorHarness {
  emulator: MetaEmulator;
  /** Any path on the emulator, e.g. "/_emulator/world" or "/v27.0/me?access_token=…". */
  call(method: string, path: string, body?: unknown): Promise<JsonReply>;
  /** The control API: `path` below /_emulator. */
  control(method: string, path: string, body?: unknown): Promise<JsonReply>;
  /** GET on Graph (v27.0); an absolute URL (a paging link) is fetched as it is. */
  graphGet(pathOrUrl: string, params?: Record<string, string>): Promise<JsonReply>;
  /** Tokens the control API issues: the user's, and with `pageId` that page's. */
  tokens(userId: string, pageId?: string): Promise<{ userToken: string; pageToken: string }>;
  /** The first seeded page, one of its customers, and tokens from the first seeded user. */
  firstPage(): Promise<{ pageId: string; psid: string; userToken: string; pageToken: string }>;
}

/** Starts the emulator for this test file, closes it after the file, and resets its world before each test. */
export async function startEmulatorHarness(options: HarnessOptions = {}): Promise<EmulatorHarness> {
  return harness(await startMetaEmulator({ appId: APP_ID, appSecret: APP_SECRET, ...options }));
}

/**
 * The same, with webhooks and deauthorize callbacks delivered to a recorder that is emptied (and told
 * to answer 200) before each test.
 */
export async function startWebhookHarness(options: HarnessOptions = {}): Promise<EmulatorHarness & { recorder: WebhookRecorder }> {
  const recorder = await startWebhookRecorder();
  const emulator = await startMetaEmulator({
    appId: APP_ID,
    appSecret: APP_SECRET,
    webhookUrl: recorder.url,
    deauthorizeUrl: recorder.url.replace("/webhook", "/deauthorize"),
    ...options,
  });
  return { ...harness(emulator, recorder), recorder };
}

function harness(emulator: MetaEmulator, recorder?: WebhookRecorder): EmulatorHarness {
  emulatorPerTestFile(emulator, recorder);

  const call = (method: string, path: string, body?: unknown) => jsonCall(method, `${emulator.url}${path}`, body);
  const control = (method: string, path: string, body?: unknown) => call(method, `/_emulator${path}`, body);
  const graphGet = async (pathOrUrl: string, params: Record<string, string> = {}): Promise<JsonReply> => {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${emulator.url}/v27.0${pathOrUrl}?${new URLSearchParams(params).toString()}`;
    const res = await fetch(url);
    return { status: res.status, body: await res.json() };
  };
  const tokens = async (userId: string, pageId?: string) => (await control("POST", "/tokens", { userId, pageId })).body;
  const firstPage = async () => {
    const pageId = emulator.world.pages[0]!.id;
    const psid = emulator.world.customers.find((customer) => customer.pageId === pageId)!.psid;
    return { pageId, psid, ...(await tokens(emulator.world.users[0]!.id, pageId)) };
  };
  return { emulator, call, control, graphGet, tokens, firstPage };
}
