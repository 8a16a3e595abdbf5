// The Zalo emulator's own tests share one set-up: an emulator per test file with a webhook recorder,
// back to its seeded world before each test, and small callers for its Open API, OAuth and control API.
import { startWebhookRecorder, type WebhookRecorder } from "../../emulators/meta/webhook-recorder";
import { codeChallengeOf } from "../../emulators/zalo/pkce";
import { answerPermissionPage } from "../../emulators/zalo/permission-driver";
import { startZaloEmulator, type ZaloEmulator, type ZaloEmulatorOptions } from "../../emulators/zalo/start-zalo-emulator";
import { emulatorPerTestFile, jsonCall, type JsonReply } from "./emulator-harness";

export type { Json, JsonReply } from "./emulator-harness";

export const ZALO_APP_ID = "1234567890123456789";
export const ZALO_APP_SECRET = "zalo-app-secret-for-tests";
export const ZALO_OA_SECRET = "zalo-oa-secret-for-tests";
/** 43 alphanumeric characters, as Zalo's PKCE wants. */
export const CODE_VERIFIER = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

export type ZaloHarnessOptions = Omit<ZaloEmulatorOptions, "appId" | "appSecret" | "oaSecretKey" | "webhookUrl">;

export interface ZaloHarness {
  emulator: ZaloEmulator;
  recorder: WebhookRecorder;
  /** The control API: `path` below /_emulator. */
  control(method: string, path: string, body?: unknown): Promise<JsonReply>;
  /** An Open API GET with `data` as Zalo wants it (JSON in the query). */
  apiGet(path: string, accessToken: string, data?: unknown): Promise<JsonReply>;
  apiPost(path: string, accessToken: string, body: unknown): Promise<JsonReply>;
  /** The token endpoint, form-encoded with the `secret_key` header. */
  tokenCall(form: Record<string, string>, secretKey?: string): Promise<JsonReply>;
  /** Runs the permission page and the code exchange for an OA (the demo OA by default). */
  connect(oaId?: string): Promise<{ oaId: string; access_token: string; refresh_token: string; expires_in: string }>;
  demoOa(): { oaId: string; users: Array<{ userId: string; name: string }> };
}

export async function startZaloHarness(options: ZaloHarnessOptions = {}): Promise<ZaloHarness> {
  const recorder = await startWebhookRecorder();
  const emulator = await startZaloEmulator({
    appId: ZALO_APP_ID,
    appSecret: ZALO_APP_SECRET,
    oaSecretKey: ZALO_OA_SECRET,
    webhookUrl: recorder.url,
    webhookRetryDelaysMs: [10, 20],
    ...options,
  });
  emulatorPerTestFile(emulator, recorder);

  const reply = async (res: Response): Promise<JsonReply> => ({ status: res.status, body: await res.json() });
  const control = (method: string, path: string, body?: unknown) => jsonCall(method, `${emulator.url}/_emulator${path}`, body);
  const apiGet = async (path: string, accessToken: string, data?: unknown) => {
    const query = data === undefined ? "" : `?data=${encodeURIComponent(JSON.stringify(data))}`;
    return reply(await fetch(`${emulator.url}${path}${query}`, { headers: { access_token: accessToken } }));
  };
  const apiPost = async (path: string, accessToken: string, body: unknown) =>
    reply(
      await fetch(`${emulator.url}${path}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { access_token: accessToken, "content-type": "application/json" },
      }),
    );
  const tokenCall = async (form: Record<string, string>, secretKey = ZALO_APP_SECRET) =>
    reply(
      await fetch(`${emulator.url}/v4/oa/access_token`, {
        method: "POST",
        body: new URLSearchParams({ app_id: ZALO_APP_ID, ...form }),
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secretKey },
      }),
    );
  const demoOa = () => {
    const oa = emulator.world.oas[0]!;
    const users = emulator.world.usersOf(oa.id).map((u) => ({ userId: u.userId, name: emulator.world.displayName(u) }));
    return { oaId: oa.id, users };
  };
  const connect = async (oaId = demoOa().oaId) => {
    const permission = new URL("/v4/oa/permission", emulator.url);
    permission.search = new URLSearchParams({
      app_id: ZALO_APP_ID,
      redirect_uri: "http://app.test/api/channels/zalo/callback",
      code_challenge: codeChallengeOf(CODE_VERIFIER),
      state: "s1",
    }).toString();
    const outcome = await answerPermissionPage(permission.toString(), { oaId });
    const tokens = await tokenCall({ grant_type: "authorization_code", code: outcome.code ?? "", code_verifier: CODE_VERIFIER });
    return { oaId, ...tokens.body };
  };
  return { emulator, recorder, control, apiGet, apiPost, tokenCall, connect, demoOa };
}
