// Facebook Messenger behind the ChannelProvider interface: the rest of the app reaches the Graph API,
// the Send API, Facebook Login and Messenger webhooks only through this object (lib/channels/registry.ts).
// The facts it relies on, with their sources: docs/platforms/facebook.md.
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import { SENDABLE_ATTACHMENT_TYPES } from "@/lib/channels/outbound-content";
import { withChannelToken } from "@/lib/channels/with-channel-token";
import { classifySendError, sendFailureReasons } from "@/lib/channels/facebook/classify-send-error";
import { checkFacebookPage } from "@/lib/channels/facebook/check-facebook-page";
import { completeFacebookLogin } from "@/lib/channels/facebook/complete-facebook-login";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { facebookApp, facebookAppOrNull } from "@/lib/channels/facebook/facebook-app";
import { deauthorizeFacebookUser } from "@/lib/channels/facebook/deauthorize-facebook-user";
import { fetchConversationsPage } from "@/lib/channels/facebook/fetch-conversations-page";
import { fetchProfile } from "@/lib/channels/facebook/fetch-profile";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { listFacebookPages } from "@/lib/channels/facebook/list-facebook-pages";
import { LIKE_STICKER_ID } from "@/lib/channels/facebook/normalize-messaging-event";
import { MAX_WEBHOOK_DEPTH, normalizeWebhookBody } from "@/lib/channels/facebook/normalize-webhook-body";
import { unsubscribePageWebhooks } from "@/lib/channels/facebook/page-subscription";
import { parseGraphThread } from "@/lib/channels/facebook/parse-graph-thread";
import { messengerReplyWindow } from "@/lib/channels/facebook/reply-window";
import { MAX_TEXT_LENGTH, sendApiPayload } from "@/lib/channels/facebook/send-api-payload";
import { sendMessage, sendSenderAction } from "@/lib/channels/facebook/send-message";
import { startFacebookLogin } from "@/lib/channels/facebook/start-facebook-login";
import { syncProblemOf } from "@/lib/channels/facebook/sync-problem-of";
import { looksLikeMessengerWebhook } from "@/lib/channels/facebook/webhook-payload-check";
import { isValidWebhookSignature } from "@/lib/channels/facebook/webhook-signature";
import { decryptSecret } from "@/lib/crypto/secret-box";

/** Messenger's attachment limit, for every type. */
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Our errors are all GraphErrors here; anything else reaching a classifier is a bug of ours. */
function asGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  throw error;
}

export const facebookProvider = {
  capabilities: {
    maxTextLength: MAX_TEXT_LENGTH,
    attachments: {
      types: SENDABLE_ATTACHMENT_TYPES,
      maxBytes: Object.fromEntries(SENDABLE_ATTACHMENT_TYPES.map((type) => [type, MAX_ATTACHMENT_BYTES])),
      // Messenger takes every content type our uploads allow.
      contentTypes: {},
    },
    itemsPerMessage: "one",
    reactions: true,
    typingIndicator: true,
    seenReceipts: true,
    historySync: true,
    quotes: true,
  },

  inbound: {
    signatureHeader: "x-hub-signature-256",
    verifySignature(rawBody, signature) {
      // A server without a Facebook app accepts no Facebook webhook.
      const app = facebookAppOrNull();
      return app !== null && isValidWebhookSignature(app.appSecret, rawBody, signature);
    },
    looksLikeWebhook: (text) => looksLikeMessengerWebhook(text, MAX_WEBHOOK_DEPTH),
    normalize(rawBody) {
      const body = normalizeWebhookBody(rawBody, facebookApp().appId);
      if (!body.ok) return body;
      return { ok: true, events: body.events.map(({ pageId, event }) => ({ accountId: pageId, event })) };
    },
    stickerEmoji: { [LIKE_STICKER_ID]: "👍" },
  },

  replyWindow: messengerReplyWindow,

  outbound: {
    async send(channel, reply) {
      const payload = sendApiPayload(reply);
      const { messageId } = await withChannelToken(channel, (token) => sendMessage(channel.externalId, token, payload));
      return { platformMessageId: messageId };
    },
    async senderAction(channel, recipientId, action) {
      await withChannelToken(channel, (token) => sendSenderAction(channel.externalId, token, recipientId, action));
    },
    classifySendError: (error) => classifySendError(asGraphError(error)),
    failureReasons: sendFailureReasons,
  },

  connection: {
    startAuthorization: (user, options) => startFacebookLogin(user.id, options),
    completeAuthorization: completeFacebookLogin,
    listAccounts: listFacebookPages,
    connect: connectFacebookPage,
    disconnect: (channel) => unsubscribePageWebhooks(channel.externalId, decryptSecret(channel.accessTokenEnc)),
    check: checkFacebookPage,
    revoke: deauthorizeFacebookUser,
    // Page tokens from a long-lived user token do not expire; a dead one needs a new login.
    refreshToken: null,
  },

  profile: { fetch: fetchProfile },

  history: {
    async fetchPage(channel, cursor) {
      const page = await fetchConversationsPage(channel, cursor);
      return { threads: page.threads.map((raw) => parseGraphThread(raw, channel.externalId)), after: page.after };
    },
    problemOf: (error) => syncProblemOf(asGraphError(error)),
  },
} satisfies ChannelProvider;
