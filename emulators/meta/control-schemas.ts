// Request bodies of the control API (/_emulator/...), validated with zod.
import { z } from "zod";
import { ATTACHMENT_TYPES } from "./world-types";

const id = z.string().min(1);
const url = z.url();

export const attachmentSchema = z.object({
  type: z.enum(ATTACHMENT_TYPES),
  url: z.string().min(1),
  stickerId: z.number().int().optional(),
});

export const configSchema = z
  .object({
    webhookUrl: url.nullable(),
    deauthorizeUrl: url.nullable(),
    echoBeforeResponse: z.boolean(),
    echoDelayMs: z.number().int().min(0).max(60_000),
    deliveryDelayMs: z.number().int().min(0).max(60_000),
    webhookTimeoutMs: z.number().int().min(1).max(120_000),
    webhookRetryDelaysMs: z.array(z.number().int().min(0).max(600_000)).max(20),
    unsubscribeOnWebhookFailure: z.boolean(),
  })
  .partial()
  .strict();

export const newCustomerSchema = z.object({
  pageId: id,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
});

export const customerMessageSchema = z
  .object({
    pageId: id,
    /** An existing customer, or `customer` to have a new one write first. */
    psid: id.optional(),
    customer: z.object({ firstName: z.string().min(1), lastName: z.string().min(1) }).optional(),
    text: z.string().min(1).max(20_000).optional(),
    attachments: z.array(attachmentSchema).max(10).optional(),
    /** Shortcut for Messenger's like-thumb sticker. */
    sticker: z.literal("like").optional(),
    quickReplyPayload: z.string().optional(),
    replyToMid: z.string().optional(),
  })
  .refine((b) => b.psid !== undefined || b.customer !== undefined, {
    message: "psid or customer is required",
  })
  .refine((b) => b.text !== undefined || (b.attachments?.length ?? 0) > 0 || b.sticker !== undefined, {
    message: "text, attachments or sticker is required",
  });

const threadRef = { pageId: id, psid: id };

export const postbackSchema = z.object({
  ...threadRef,
  title: z.string().min(1),
  payload: z.string().min(1),
  referral: z
    .object({ ref: z.string().optional(), source: z.string().optional(), type: z.string().optional() })
    .optional(),
});

export const reactionSchema = z.object({
  ...threadRef,
  mid: id,
  /** A Messenger reaction name (love, like, smile, wow, sad, angry) or any emoji. */
  reaction: z.string().min(1).default("love"),
  action: z.enum(["react", "unreact"]).default("react"),
});

export const readSchema = z.object({ ...threadRef, watermark: z.number().int().positive().optional() });

export const deliverySchema = z.object({
  ...threadRef,
  /** Omit to send a delivery without `mids`, as Messenger sometimes does. */
  mids: z.array(id).optional(),
  watermark: z.number().int().positive().optional(),
});

export const foreignEchoSchema = z
  .object({
    ...threadRef,
    text: z.string().min(1).max(2000).optional(),
    attachments: z.array(attachmentSchema).max(10).optional(),
    appId: id.optional(),
  })
  .refine((b) => b.text !== undefined || (b.attachments?.length ?? 0) > 0, {
    message: "text or attachments is required",
  });

export const rawWebhookSchema = z
  .object({
    body: z.record(z.string(), z.unknown()).optional(),
    entries: z
      .array(z.object({ pageId: id, messaging: z.array(z.unknown()) }))
      .min(1)
      .optional(),
    /** Deliver the same bytes this many times, as Facebook's retries and overlapping batches do. */
    times: z.number().int().min(1).max(10).default(1),
    signature: z.enum(["valid", "invalid", "missing"]).default("valid"),
  })
  .refine((b) => (b.body === undefined) !== (b.entries === undefined), {
    message: "give exactly one of body or entries",
  });

export const ageThreadSchema = z
  .object({
    threadId: id.optional(),
    pageId: id.optional(),
    psid: id.optional(),
    hours: z
      .number()
      .positive()
      .max(24 * 365),
  })
  .refine((b) => b.threadId !== undefined || (b.pageId !== undefined && b.psid !== undefined), {
    message: "threadId, or pageId and psid, is required",
  });

export const deauthorizeSchema = z.object({ userId: id });

export const issueTokenSchema = z.object({
  userId: id,
  pageId: id.optional(),
  longLived: z.boolean().default(true),
  scopes: z.array(z.string().min(1)).optional(),
});

export const invalidateTokensSchema = z
  .object({
    userId: id.optional(),
    pageId: id.optional(),
    token: id.optional(),
    reason: z.enum(["expired", "password_changed", "app_not_installed", "invalid"]),
  })
  .refine((b) => b.userId ?? b.pageId ?? b.token, { message: "userId, pageId or token is required" });
