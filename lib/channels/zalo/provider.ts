// Zalo Official Accounts behind the ChannelProvider interface: the rest of the app reaches Zalo's
// OAuth v4, Open API and OA webhooks only through this object (lib/channels/registry.ts). The facts
// it relies on, with their sources: docs/platforms/zalo.md.
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import { checkZaloOa } from "@/lib/channels/zalo/check-zalo-oa";
import { classifySendError, sendFailureReasons } from "@/lib/channels/zalo/classify-send-error";
import { completeZaloAuthorization } from "@/lib/channels/zalo/complete-zalo-authorization";
import { connectZaloOa } from "@/lib/channels/zalo/connect-zalo-oa";
import { fetchZaloHistoryPage } from "@/lib/channels/zalo/fetch-history-page";
import { fetchZaloProfile } from "@/lib/channels/zalo/fetch-profile";
import { listZaloAccounts } from "@/lib/channels/zalo/list-zalo-accounts";
import { normalizeZaloWebhook } from "@/lib/channels/zalo/normalize-webhook-body";
import { refreshOaToken } from "@/lib/channels/zalo/refresh-oa-token";
import { zaloReplyWindow } from "@/lib/channels/zalo/reply-window";
import { MAX_TEXT_LENGTH } from "@/lib/channels/zalo/send-payload";
import { sendZaloMessage } from "@/lib/channels/zalo/send-message";
import { startZaloAuthorization } from "@/lib/channels/zalo/start-zalo-authorization";
import { syncProblemOf } from "@/lib/channels/zalo/sync-problem-of";
import { FILE_CONTENT_TYPES, IMAGE_CONTENT_TYPES, MAX_FILE_BYTES, MAX_IMAGE_BYTES } from "@/lib/channels/zalo/upload-media";
import { looksLikeZaloWebhook } from "@/lib/channels/zalo/webhook-payload-check";
import { isValidZaloSignature } from "@/lib/channels/zalo/webhook-signature";
import { zaloApp, zaloAppOrNull } from "@/lib/channels/zalo/zalo-app";
import { ZaloError } from "@/lib/channels/zalo/zalo-client";

/** Our errors are all ZaloErrors here; anything else reaching a classifier is a bug of ours. */
function asZaloError(error: ChannelApiError): ZaloError {
  if (error instanceof ZaloError) return error;
  throw error;
}

export const zaloProvider = {
  capabilities: {
    maxTextLength: MAX_TEXT_LENGTH,
    attachments: {
      types: ["image", "file"],
      maxBytes: { image: MAX_IMAGE_BYTES, file: MAX_FILE_BYTES },
      contentTypes: { image: IMAGE_CONTENT_TYPES, file: FILE_CONTENT_TYPES },
    },
    itemsPerMessage: "one",
    // Zalo sends no reaction webhooks we could store, and its OA API has no typing or mark-seen action.
    reactions: false,
    typingIndicator: false,
    seenReceipts: false,
    historySync: true,
    quotes: true,
  },

  inbound: {
    signatureHeader: "x-zevent-signature",
    verifySignature(rawBody, signature) {
      // A server without a Zalo app accepts no Zalo webhook.
      const app = zaloAppOrNull();
      return app !== null && isValidZaloSignature(app.appId, app.oaSecretKey, rawBody, signature);
    },
    looksLikeWebhook: looksLikeZaloWebhook,
    normalize: (rawBody) => normalizeZaloWebhook(rawBody, zaloApp().appId),
    stickerEmoji: {},
  },

  replyWindow: zaloReplyWindow,

  outbound: {
    send: sendZaloMessage,
    senderAction: null,
    classifySendError: (error) => classifySendError(asZaloError(error)),
    failureReasons: sendFailureReasons,
  },

  connection: {
    // Zalo's permission page has nothing to re-request: the same page serves both.
    startAuthorization: (user) => startZaloAuthorization(user.id),
    completeAuthorization: completeZaloAuthorization,
    listAccounts: listZaloAccounts,
    connect: connectZaloOa,
    disconnect: null,
    check: checkZaloOa,
    revoke: null,
    async refreshToken(channel, { expiringBefore }) {
      await refreshOaToken({ channelId: channel.id, expiringBefore });
    },
  },

  profile: { fetch: fetchZaloProfile },

  history: {
    fetchPage: fetchZaloHistoryPage,
    problemOf: (error) => syncProblemOf(asZaloError(error)),
  },
} satisfies ChannelProvider;
