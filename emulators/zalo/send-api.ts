// POST /v3.0/oa/message/cs: the OA's customer-service message (text, image, gif, file, quote),
// subject to the reply window and the OA's quota.
import { z } from "zod";
import type { RequestContext, Router } from "../shared/http-router";
import { announceOutgoing, storeOaMessage, type ZaloDeps } from "./oa-outgoing";
import { authenticate, parsedOrError, sendSuccess } from "./open-api-request";
import { chargeReply, checkReply } from "./reply-window";
import type { ZaloWorld } from "./world";
import type { Attachment, MessageType, OfficialAccount } from "./world-types";
import { zaloErrors } from "./zalo-errors";

/** The emulator's cap on a text message (Zalo documents 2000 characters for OA text). */
const MAX_TEXT_LENGTH = 2000;

/** The PHP SDK sends unset fields as null (text, quote_message_id, width, height): null means absent. */
const mediaElement = z
  .object({
    media_type: z.enum(["image", "gif", "sticker"]),
    attachment_id: z.string().min(1).nullish(),
    url: z.url().nullish(),
  })
  .refine((e) => !!e.attachment_id || !!e.url, "attachment_id or url is required");

const attachmentSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("template"),
    payload: z.object({ template_type: z.literal("media"), elements: z.array(mediaElement).length(1) }),
  }),
  z.object({ type: z.literal("file"), payload: z.object({ token: z.string().min(1) }) }),
]);

const sendSchema = z.object({
  recipient: z.object({ user_id: z.string().min(1) }),
  message: z
    .object({
      text: z.string().min(1).max(MAX_TEXT_LENGTH).nullish(),
      attachment: attachmentSchema.nullish(),
      quote_message_id: z.string().min(1).nullish(),
      /** The Java SDK's quote example names the quoted message `react_message_id`. */
      react_message_id: z.string().min(1).nullish(),
    })
    .refine((m) => !!m.text || !!m.attachment, "text or attachment is required"),
});

type SendAttachment = z.infer<typeof attachmentSchema>;

export function addSendRoutes(router: Router, deps: ZaloDeps): void {
  router.on("POST", "/v3.0/oa/message/cs", (ctx) => sendCustomerService(deps, ctx));
}

async function sendCustomerService(deps: ZaloDeps, ctx: RequestContext): Promise<void> {
  const { world } = deps;
  const oa = authenticate(world, ctx);
  if (ctx.body.__invalidJson === true) throw zaloErrors.invalidParam("body is not valid JSON");
  const body = parsedOrError(sendSchema, ctx.body, "body");
  const user = world.oaUser(oa.id, body.recipient.user_id);
  if (!user) throw zaloErrors.unknownUser();
  const quoted = body.message.quote_message_id ?? body.message.react_message_id ?? undefined;
  if (quoted !== undefined && world.message(quoted)?.userId !== user.userId)
    throw zaloErrors.invalidParam("quote_message_id is not a message of this conversation");
  const content = body.message.attachment
    ? attachmentContent(world, oa, body.message.attachment)
    : { type: "text" as const, attachments: [] };
  const charge = checkReply(oa, user, world.now());
  chargeReply(oa, user, charge);
  const message = storeOaMessage(world, user, {
    ...content,
    text: body.message.text ?? undefined,
    quoteMsgId: quoted,
    via: "api",
    quotaPaid: charge.quotaPaid,
  });
  await announceOutgoing(deps, user, message, ctx.path);
  sendSuccess(ctx, { message_id: message.msgId, user_id: user.userId });
}

/** The stored (and echoed) form of an attachment: uploads resolve to the emulator's own URLs. */
function attachmentContent(
  world: ZaloWorld,
  oa: OfficialAccount,
  attachment: SendAttachment,
): { type: MessageType; attachments: Attachment[] } {
  if (attachment.type === "file") {
    const upload = world.uploads.get(attachment.payload.token);
    if (!upload || upload.kind !== "file" || upload.oaId !== oa.id)
      throw zaloErrors.invalidParam("payload.token is not a file uploaded by this OA");
    const url = world.absolute(`/_emulator/zalo/files/${upload.id}`);
    return {
      type: "file",
      attachments: [
        {
          type: "file",
          // As in the user's file events: the size as a string, the type as the name's extension.
          payload: {
            url,
            name: upload.name,
            size: String(upload.size),
            type: upload.name.split(".").pop() ?? "",
          },
        },
      ],
    };
  }
  const element = attachment.payload.elements[0];
  const kind = element?.media_type ?? "image";
  // Stickers are Zalo's own: their id is not an upload.
  if (kind === "sticker") {
    const id = element?.attachment_id ?? "";
    return {
      type: "sticker",
      attachments: [
        { type: "sticker", payload: { id, url: world.absolute(`/_emulator/zalo/media/sticker-${id}.svg`) } },
      ],
    };
  }
  let url = element?.url ?? undefined;
  if (element?.attachment_id) {
    const upload = world.uploads.get(element.attachment_id);
    if (!upload || upload.kind !== kind || upload.oaId !== oa.id)
      throw zaloErrors.invalidParam(`attachment_id is not a ${kind} uploaded by this OA`);
    url = world.absolute(`/_emulator/zalo/media/${upload.id}.svg`);
  }
  return { type: kind, attachments: [{ type: kind, payload: { url, thumbnail: url } }] };
}
