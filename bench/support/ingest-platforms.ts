// What the webhook-ingest benchmark needs to know about one platform: how its webhook for a
// customer's text message looks and is signed, what its channel row holds, and how a reference
// server checks the signature the way the provider does. Everything else (load, references, report)
// is the same for every platform. Built after createBenchDatabase, which sets the apps' secrets.
import { createHmac, randomBytes } from "node:crypto";
import { zaloSignatureHeader } from "../../emulators/zalo/webhook-signature";
import type { Platform } from "../../lib/generated/prisma/enums";
import type { LoadRequest } from "./http-load";

export interface IngestPlatform {
  platform: Platform;
  /** The account with a channel: its events become messages. */
  accountId: string;
  /** An account with no channel: the processor only parses and skips its events ("ingest alone"). */
  otherAccountId: string;
  /** Known customers of `accountId` (seeded as contacts with fresh profiles: no API call in the run). */
  customerIds: string[];
  /** How the reference server and the report name the signature check. */
  signatureCheck: string;
  /**
   * A JavaScript expression for the reference server (run with `node -e`): true when `raw` (the body's
   * Buffer) carries a valid signature in `req`'s headers. Secrets are read from `process.env`.
   */
  referenceCheck: string;
  /** One customer's text message to `accountId`, with a unique message id, signed over its bytes. */
  webhook(accountId: string, customerId: string): LoadRequest;
  /** The channel's tokens, in clear (the benchmark encrypts them as the app stores them). */
  channelTokens(): { accessToken: string; refreshToken?: string; expiresAt?: Date };
}

const CUSTOMERS = 200;
let counter = 0;
/** A message id no other request of the run carries (platforms deduplicate by it). */
const uniqueMessageId = () => `bench_${counter++}_${randomBytes(12).toString("base64url")}`;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (createBenchDatabase sets it)`);
  return value;
}

/** Messenger: one `message` event per batch, escaped Vietnamese as Facebook writes it, X-Hub-Signature-256. */
function facebook(): IngestPlatform {
  const appSecret = requiredEnv("META_APP_SECRET");
  return {
    platform: "facebook",
    accountId: "109000000000001",
    otherAccountId: "109000000000002",
    customerIds: Array.from({ length: CUSTOMERS }, (_, i) => `25${String(i).padStart(14, "0")}`),
    signatureCheck: "HMAC-SHA256 of the body (X-Hub-Signature-256)",
    referenceCheck:
      `"sha256=" + crypto.createHmac("sha256", process.env.META_APP_SECRET).update(raw).digest("hex") === req.headers["x-hub-signature-256"]`,
    webhook(pageId, psid) {
      const body =
        `{"object":"page","entry":[{"id":"${pageId}","time":${Date.now()},"messaging":[{"sender":{"id":"${psid}"},` +
        `"recipient":{"id":"${pageId}"},"timestamp":${Date.now()},"message":{"mid":"m_${uniqueMessageId()}",` +
        `"text":"Ch\\u00e0o shop, \\u00e1o n\\u00e0y c\\u00f2n size M kh\\u00f4ng \\u1ea1? Ship v\\u1ec1 \\u0110\\u00e0 N\\u1eb5ng bao l\\u00e2u?"}}]}]}`;
      const signature = `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
      return { path: "/api/webhooks/facebook", body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } };
    },
    channelTokens: () => ({ accessToken: "unused" }),
  };
}

/**
 * Zalo OA: one `user_send_text` event per POST in UTF-8 as the fixtures have it (docs/platforms/zalo.md,
 * "Webhooks"), X-ZEvent-Signature computed by the Zalo emulator's signer, not the provider's own.
 */
function zalo(): IngestPlatform {
  const appId = requiredEnv("ZALO_APP_ID");
  const oaSecretKey = requiredEnv("ZALO_OA_SECRET_KEY");
  return {
    platform: "zalo",
    accountId: "1750000000000000101",
    otherAccountId: "1750000000000000102",
    customerIds: Array.from({ length: CUSTOMERS }, (_, i) => `84${String(i).padStart(17, "0")}`),
    signatureCheck: "SHA-256 of app id + body + body's timestamp + OA secret key (X-ZEvent-Signature)",
    referenceCheck:
      `"mac=" + crypto.createHash("sha256").update(process.env.ZALO_APP_ID).update(raw)` +
      `.update(String(JSON.parse(raw).timestamp)).update(process.env.ZALO_OA_SECRET_KEY).digest("hex") === req.headers["x-zevent-signature"]`,
    webhook(oaId, userId) {
      const timestamp = String(Date.now());
      const body = JSON.stringify({
        app_id: appId,
        user_id_by_app: `44${userId.slice(2)}`,
        event_name: "user_send_text",
        timestamp,
        sender: { id: userId },
        recipient: { id: oaId },
        message: { msg_id: uniqueMessageId(), text: "Chào shop, áo này còn size M không ạ? Ship về Đà Nẵng bao lâu?" },
      });
      const signature = zaloSignatureHeader(appId, body, timestamp, oaSecretKey);
      return { path: "/api/webhooks/zalo", body, headers: { "content-type": "application/json", "x-zevent-signature": signature } };
    },
    // Zalo's access tokens live 25 h: nothing is refreshed during a run.
    channelTokens: () => ({ accessToken: "unused", refreshToken: "unused", expiresAt: new Date(Date.now() + 25 * 3600_000) }),
  };
}

const platforms = { facebook, zalo } satisfies Partial<Record<Platform, () => IngestPlatform>>;

/** `--platform facebook|zalo` (default facebook). */
export function ingestPlatformFromArgs(): IngestPlatform {
  const index = process.argv.indexOf("--platform");
  const name = index >= 0 ? process.argv[index + 1] : "facebook";
  if (name !== "facebook" && name !== "zalo") throw new Error(`--platform must be one of ${Object.keys(platforms).join(", ")}`);
  return platforms[name]();
}
