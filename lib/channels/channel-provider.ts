// What the rest of the app needs from a chat platform, grouped by concern. Each platform implements
// it in its own folder (lib/channels/<platform>/provider.ts) and registry.ts maps Platform to it; the
// inbox, assignment, history sync and webhook code call only this, never a platform folder.
import type { SessionUser } from "@/lib/auth/session-token";
import type { ChannelApiError } from "@/lib/channels/channel-api-error";
import type { ConnectionCheck } from "@/lib/channels/connection-check";
import type { OutboundReply, SendableAttachmentType } from "@/lib/channels/outbound-content";
import type { ReplyWindowFacts, ReplyWindowSchedule } from "@/lib/channels/reply-window";
import type { SendErrorClass, SendFailureCode } from "@/lib/channels/send-failure";
import type { NormalizedEvent } from "@/lib/inbox/inbound-event";
import type { ParsedThread } from "@/lib/history-sync/synced-thread";
import type { SyncProblem } from "@/lib/history-sync/history-sync-view";

/** What a platform can carry, as data: the composer, uploads and the sender read it. */
export interface ChannelCapabilities {
  maxTextLength: number;
  /** The types it sends and the largest file of each (Zalo: images 1 MB, files 5 MB). */
  attachments: {
    types: readonly SendableAttachmentType[];
    maxBytes: Readonly<Partial<Record<SendableAttachmentType, number>>>;
    /** The content types it takes of a kind (Zalo: JPG/PNG images, PDF/DOC/DOCX files); a kind not here takes every type uploads allow. */
    contentTypes: Readonly<Partial<Record<SendableAttachmentType, readonly string[]>>>;
  };
  /** "one": a text or a single attachment per message (Messenger); "many": text with attachments. */
  itemsPerMessage: "one" | "many";
  reactions: boolean;
  typingIndicator: boolean;
  seenReceipts: boolean;
  historySync: boolean;
  /** A reply may quote one of the conversation's messages (Zalo `quote_message_id`, Messenger `reply_to`). */
  quotes: boolean;
}

/** A connected channel as the platform calls need it: its account id and its sealed token. */
export interface ChannelCredentials {
  id: string;
  externalId: string;
  accessTokenEnc: string;
}

export interface AccountEvent {
  /** The platform's id of the account the event is for (the page, the OA). */
  accountId: string;
  event: NormalizedEvent;
}

export type NormalizedBody = { ok: true; events: AccountEvent[] } | { ok: false; reason: string };

export type SenderAction = "typing_on" | "typing_off" | "mark_seen";

export interface CustomerProfile {
  name: string | null;
  avatarUrl: string | null;
}

export interface ChannelProvider {
  capabilities: ChannelCapabilities;

  inbound: {
    /** The header carrying the platform's signature of the raw body. */
    signatureHeader: string;
    /** True only when `signature` signs exactly these bytes. */
    verifySignature(rawBody: Uint8Array, signature: string): boolean;
    /** A cheap look at a verified body before it is stored: false refuses it (400), never retried. */
    looksLikeWebhook(text: string): boolean;
    /** A stored body's events in delivery order. Pure. */
    normalize(rawBody: string): NormalizedBody;
    /** Sticker ids the platform uses for a gesture, and the emoji a preview shows for them. */
    stickerEmoji: Readonly<Record<string, string>>;
  };

  /** When the customer may be answered, from their last message and the replies since; see reply-window.ts. */
  replyWindow(facts: ReplyWindowFacts): ReplyWindowSchedule;

  outbound: {
    send(channel: ChannelCredentials, reply: OutboundReply): Promise<{ platformMessageId: string }>;
    /**
     * Typing and seen indicators: allowed only where the window is in its open (untagged) phase; null
     * for a platform that has none (capabilities.typingIndicator and seenReceipts are then false).
     */
    senderAction: ((channel: ChannelCredentials, recipientId: string, action: SenderAction) => Promise<void>) | null;
    classifySendError(error: ChannelApiError): SendErrorClass;
    /** The sentence stored in Message.failureReason for each failure code, in the platform's words. */
    failureReasons: Readonly<Record<SendFailureCode, string>>;
  };

  connection: {
    /** The URL of the platform's login dialog for this user ("Thêm kết nối", "Cấp lại quyền"). */
    startAuthorization(user: SessionUser, options: { rerequest: boolean }): Promise<{ dialogUrl: string }>;
    /** The platform's redirect back: spends the state, keeps the user token for listing accounts. */
    completeAuthorization(
      user: SessionUser,
      params: { code: string | null; state: string | null; error: string | null },
    ): Promise<{ outcome: "authorized"; missingScopes: string[] } | { outcome: "denied" }>;
    /**
     * The accounts (pages, OAs) the user's authorization may connect, each with its state here. Its
     * shape is the platform's own: only the platform's settings screen reads it.
     */
    listAccounts(user: SessionUser): Promise<unknown>;
    connect(admin: SessionUser, accountId: string): Promise<{ channelId: string; needsChatMode: boolean }>;
    /**
     * Stops the platform's webhooks for the channel ("Ngắt kết nối"); failures are the caller's to log.
     * Null where the platform has no such call (Zalo: webhooks are per app, events of a disconnected
     * OA are ignored here).
     */
    disconnect: ((channel: ChannelCredentials) => Promise<void>) | null;
    /** Token still valid and webhooks still subscribed; subscribes again when the platform dropped them. */
    check(channel: ChannelCredentials): Promise<ConnectionCheck>;
    /** The platform told us a user removed the app: their channels are disconnected. Null where no platform call says so. */
    revoke: ((platformUserId: string) => Promise<{ channelsDisconnected: number }>) | null;
    /**
     * Renews the channel's token if it expires before `expiringBefore` (the schedule's look-ahead), at
     * most once across processes; null for platforms whose tokens do not expire. A refresh the
     * platform refuses leaves the channel "needs reconnect".
     */
    refreshToken: ((channel: ChannelCredentials, options: { expiringBefore: Date }) => Promise<void>) | null;
  };

  profile: {
    fetch(channel: ChannelCredentials, platformUserId: string): Promise<CustomerProfile>;
  };

  /** Importing old conversations; null for a platform that offers no history. */
  history: {
    fetchPage(channel: ChannelCredentials, cursor: string | null): Promise<{ threads: ParsedThread[]; after: string | null }>;
    /** Why a failed page read stops the sync, as a historySync.problems code. */
    problemOf(error: ChannelApiError): SyncProblem;
  } | null;
}
