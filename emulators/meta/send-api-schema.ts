// The Send API request body, as JSON or as a form whose object fields are JSON strings.
import { z } from "zod";
import { graphErrors } from "./graph-errors";
import { MESSAGE_TAGS } from "./reply-window";
import { ATTACHMENT_TYPES } from "./world-types";

export const MAX_TEXT_LENGTH = 2000;

/** Form-encoded Send API calls carry `recipient={"id":"…"}`: parse such strings before validating. */
function jsonField<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);
}

const replyToSchema = z.object({ mid: z.string().min(1) });

export const sendBodySchema = z.object({
  recipient: jsonField(z.object({ id: z.string().min(1) })),
  messaging_type: z.enum(["RESPONSE", "UPDATE", "MESSAGE_TAG"]).optional(),
  tag: z.enum(MESSAGE_TAGS).optional(),
  message: jsonField(
    z.object({
      text: z.string().optional(),
      attachment: z
        .object({
          type: z.enum(ATTACHMENT_TYPES),
          payload: z.looseObject({ url: z.string().min(1), is_reusable: z.boolean().optional() }),
        })
        .optional(),
      metadata: z.string().max(1000).optional(),
      quick_replies: z.array(z.unknown()).optional(),
      /** Some integrations put the quote inside `message`; the emulator accepts it there too. */
      reply_to: replyToSchema.optional(),
    }),
  ).optional(),
  /** The message this one replies to (quotes), beside `message` (docs/platforms/facebook.md, "Send API"). */
  reply_to: jsonField(replyToSchema).optional(),
  sender_action: z.enum(["typing_on", "typing_off", "mark_seen", "react", "unreact"]).optional(),
  payload: jsonField(z.object({ message_id: z.string(), reaction: z.string().optional() })).optional(),
});

export type SendBody = z.infer<typeof sendBodySchema>;

/** Validates and turns the first problem into the Graph error 100 Facebook would answer. */
export function parseSendBody(input: Record<string, unknown>): SendBody {
  const result = sendBodySchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String);
  const name =
    path.length === 0
      ? "body"
      : path[0] +
        path
          .slice(1)
          .map((p) => `[${p}]`)
          .join("");
  if (issue?.code === "invalid_type" && input[path[0] ?? ""] === undefined) {
    throw graphErrors.invalidParameter(`The parameter ${name} is required`);
  }
  throw graphErrors.invalidParameter(`Param ${name} is invalid: ${issue?.message ?? "invalid value"}`);
}
