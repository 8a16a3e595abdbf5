// The shapes of the emulated Zalo: people, Official Accounts, their followers and conversations,
// OAuth codes and tokens, uploads, and the logs the control API shows.
import type { WebhookAttempt } from "../shared/webhook-post";

export interface ZaloEmulatorConfig {
  appId: string;
  /** The app's secret key: the token endpoint's `secret_key` header. */
  appSecret: string;
  /** The OA secret key webhooks are signed with (not the app secret). */
  oaSecretKey: string;
  /** Shown on the permission page. */
  appName: string;
  webhookUrl?: string;
  /** Zalo gives the app 2 s to answer a webhook. */
  webhookTimeoutMs: number;
  /** Waits before each retry of a failed webhook (Zalo retries for hours; tests compress this). */
  webhookRetryDelaysMs: number[];
  /** `X-ZEvent-Signature` as "mac=<hex>" (the default) or as bare hex: integrations report both. */
  signatureStyle: "mac" | "bare";
  /** The echo of an API send is delivered before the HTTP answer (it is after by default). */
  echoBeforeAnswer: boolean;
}

/** A Zalo account: an OA administrator or a customer. */
export interface ZaloPerson {
  id: string;
  name: string;
  phone?: string;
  address?: string;
}

export interface OfficialAccount {
  id: string;
  name: string;
  description: string;
  /** People who may grant an app access to this OA on the permission page. */
  adminIds: string[];
  /** Quota-paid messages left this month (after the free replies of the window). */
  paidQuota: number;
}

/** A person as one OA sees them: Zalo gives every OA (and every app) its own id for the same person. */
export interface OaUser {
  oaId: string;
  personId: string;
  userId: string;
  userIdByApp: string;
  following: boolean;
  /** When the user last followed the OA (an interaction, like a message). */
  followedAt?: number;
  /** When the user last wrote to the OA (their messages open the reply window). */
  lastUserMessageAt?: number;
  /** Replies sent since `lastUserMessageAt`; the first 8 within 48 h are free. */
  repliesSinceUserMessage: number;
}

export type MessageType =
  | "text"
  | "image"
  | "sticker"
  | "gif"
  | "file"
  | "link"
  | "location"
  | "audio"
  | "video";

export interface Attachment {
  type: Exclude<MessageType, "text">;
  payload: Record<string, unknown>;
}

export interface ZaloMessage {
  msgId: string;
  oaId: string;
  userId: string;
  /** As the history API says it: 0 = OA → user, 1 = user → OA. */
  src: 0 | 1;
  time: number;
  type: MessageType;
  text?: string;
  attachments: Attachment[];
  quoteMsgId?: string;
  /** OA messages: sent through the API (by an app) or typed in Zalo's own OA Chat. */
  via?: "api" | "oa_chat";
  /** OA messages sent outside the free replies: they spent the OA's paid quota. */
  quotaPaid?: boolean;
  receivedAt?: number;
  seenAt?: number;
}

export interface AuthCode {
  code: string;
  oaId: string;
  appId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  oaId: string;
  expiresAt: number;
}

export interface RefreshToken {
  oaId: string;
  expiresAt: number;
  /** Set when spent: a refresh token works once. */
  usedAt?: number;
  revoked: boolean;
}

/** One call of the refresh grant, whatever its outcome, so a test can count them. */
export interface RefreshUse {
  at: number;
  oaId?: string;
  /** The first characters only: enough to tell tokens apart in a log. */
  tokenPrefix: string;
  outcome: "ok" | "already_used" | "revoked" | "expired" | "unknown";
}

export interface Upload {
  id: string;
  oaId: string;
  kind: "image" | "file" | "gif";
  name: string;
  size: number;
  mimeType: string;
}

export interface WebhookDelivery {
  id: number;
  oaId: string;
  eventName: string;
  body: unknown;
  url: string;
  state: "pending" | "delivered" | "failed" | "skipped";
  note?: string;
  attempts: WebhookAttempt[];
  createdAt: number;
}
