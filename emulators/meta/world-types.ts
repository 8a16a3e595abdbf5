// The shapes of everything the emulated Facebook keeps in memory: people, pages, threads, tokens.

export const PAGE_TASKS = [
  "ANALYZE",
  "ADVERTISE",
  "MODERATE",
  "CREATE_CONTENT",
  "MANAGE",
  "MESSAGING",
] as const;
export type PageTask = (typeof PAGE_TASKS)[number];

export interface FacebookUser {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
}

export interface Page {
  id: string;
  name: string;
  category: string;
}

/** A person's role on a page, expressed as Facebook "tasks" (MANAGE = admin). */
export interface PageRole {
  userId: string;
  pageId: string;
  tasks: PageTask[];
}

/** Someone who wrote to a page; the PSID is scoped to that page, as on Messenger. */
export interface Customer {
  psid: string;
  pageId: string;
  firstName: string;
  lastName: string;
  name: string;
}

export const ATTACHMENT_TYPES = ["image", "video", "audio", "file", "fallback"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface Attachment {
  type: AttachmentType;
  url: string;
  /** Messenger marks stickers (the "like" thumb included) with a sticker id on an image attachment. */
  stickerId?: number;
}

export interface Reaction {
  reaction: string;
  emoji: string;
}

export interface StoredMessage {
  mid: string;
  threadId: string;
  /** "in" = customer → page, "out" = page → customer. */
  direction: "in" | "out";
  text?: string;
  attachments: Attachment[];
  createdAt: number;
  /** For outgoing messages: the app that sent it (ours via Send API, or Page Inbox). */
  appId?: string;
  metadata?: string;
  quickReplyPayload?: string;
  replyToMid?: string;
  postback?: { title: string; payload: string };
  /** The other side's reaction on this message, keyed by who reacted. */
  reactions: { customer?: Reaction; page?: Reaction };
}

export interface Thread {
  id: string;
  pageId: string;
  psid: string;
  messages: StoredMessage[];
  /** The customer has read the page's messages up to this time (ms). */
  customerReadWatermark: number;
  /** The customer's phone has received the page's messages up to this time (ms). */
  customerDeliveredWatermark: number;
  /** The page (via mark_seen) has seen the customer's messages up to this time (ms). */
  pageSeenWatermark: number;
}

export type PermissionStatus = "granted" | "declined";

/** What one user allowed this app: permissions and the pages ticked in the dialog. */
export interface Grant {
  userId: string;
  scopes: Record<string, PermissionStatus>;
  pageIds: string[];
  grantedAt: number;
}

export type TokenState = "valid" | "expired" | "password_changed" | "app_not_installed" | "invalid";

export interface AccessToken {
  value: string;
  kind: "user" | "page";
  userId: string;
  pageId?: string;
  longLived: boolean;
  issuedAt: number;
  /** ms since epoch; 0 = never expires (page tokens from long-lived user tokens). */
  expiresAt: number;
  state: TokenState;
}

export interface AuthCode {
  code: string;
  userId: string;
  redirectUri: string;
  createdAt: number;
  used: boolean;
}

export interface DialogSession {
  id: string;
  redirectUri: string;
  state?: string;
  scopes: string[];
  rerequest: boolean;
  userId?: string;
  pageIds?: string[];
  createdAt: number;
}

export interface Subscription {
  pageId: string;
  fields: string[];
  subscribedAt: number;
}

/** One Send API call as the emulator saw it, kept so tests and the demo can inspect outcomes. */
export interface SendRecord {
  at: number;
  pageId: string;
  psid: string;
  mid?: string;
  messagingType?: string;
  tag?: string;
  senderAction?: string;
  text?: string;
  /** The message the send quoted (`reply_to.mid`). */
  replyToMid?: string;
  error?: { code: number; subcode?: number };
}

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface WebhookDelivery {
  id: number;
  kind: "webhook" | "deauthorize";
  url: string;
  pageIds: string[];
  body: unknown;
  state: "pending" | "delivered" | "failed" | "skipped";
  attempts: DeliveryAttempt[];
  createdAt: number;
  /** What else happened, e.g. the page's subscription dropped after the last retry failed. */
  note?: string;
}

export interface EmulatorConfig {
  appId: string;
  appSecret: string;
  appName: string;
  graphVersion: string;
  historyThreads: number;
  webhookUrl?: string;
  deauthorizeUrl?: string;
  webhookTimeoutMs: number;
  /** Delay before each retry of a failed webhook; its length is the number of retries. */
  webhookRetryDelaysMs: number[];
  /** After the last retry fails, drop the page's subscription, as Facebook does after long failures. */
  unsubscribeOnWebhookFailure: boolean;
  /** Deliver the echo webhook (and wait for it) before answering the Send API call. */
  echoBeforeResponse: boolean;
  echoDelayMs: number;
  /** How long the simulated phone takes before the delivery receipt webhook. */
  deliveryDelayMs: number;
}

/** Facebook's own Page Inbox app: echoes carrying it are replies a human typed on facebook.com. */
export const PAGE_INBOX_APP_ID = "263902037430900";
