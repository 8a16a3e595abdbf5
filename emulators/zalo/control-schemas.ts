// Bodies of the control API, checked with zod so a wrong call gets a 400 naming the field.
import { z } from "zod";

const oaId = z.string().min(1);
const userId = z.string().min(1);

export const configSchema = z
  .object({
    webhookUrl: z.url().nullable(),
    webhookTimeoutMs: z.number().int().min(1).max(60_000),
    webhookRetryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).max(20),
    echoBeforeAnswer: z.boolean(),
    signatureStyle: z.enum(["mac", "bare"]),
  })
  .partial()
  .strict();

export const oaSchema = z.object({ oaId }).strict();

export const revokeSchema = z.object({ oaId, alsoAccessTokens: z.boolean().default(false) }).strict();

export const oaUpdateSchema = z
  .object({ paidQuota: z.number().int().min(0) })
  .partial()
  .strict();

/** A known user of the OA, or a new Zalo user who shows up now. */
const actor = {
  oaId,
  userId: userId.optional(),
  newUserName: z.string().min(1).max(100).optional(),
};

const attachmentInputSchema = z
  .object({
    type: z.enum(["image", "sticker", "gif", "file", "link", "location", "audio", "video"]),
    url: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    size: z.number().int().min(0).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    stickerId: z.string().min(1).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict();

export const userMessageSchema = z
  .object({
    ...actor,
    text: z.string().min(1).max(2000).optional(),
    attachment: attachmentInputSchema.optional(),
    quoteMsgId: z.string().min(1).optional(),
  })
  .strict();

export const newUserSchema = z
  .object({ oaId, name: z.string().min(1).max(100), follow: z.boolean().default(true) })
  .strict();

export const followSchema = z.object({ ...actor, following: z.boolean() }).strict();

export const receiptSchema = z
  .object({ oaId, userId, msgIds: z.array(z.string().min(1)).min(1).optional() })
  .strict();

export const oaChatSchema = z.object({ oaId, userId, text: z.string().min(1).max(2000) }).strict();

export const rawWebhookSchema = z
  .object({
    oaId,
    body: z.record(z.string(), z.unknown()),
    signature: z.enum(["valid", "invalid", "missing"]).default("valid"),
    times: z.number().int().min(1).max(10).default(1),
  })
  .strict();

export const historySeedSchema = z
  .object({ oaId, conversations: z.number().int().min(1).max(2000), seed: z.number().int().default(1) })
  .strict();

export const clockSchema = z
  .object({
    hours: z
      .number()
      .min(0)
      .max(24 * 365)
      .default(0),
    minutes: z.number().min(0).max(1_000_000).default(0),
  })
  .strict();
