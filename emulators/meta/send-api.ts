// The Send API: POST /{page-id}/messages and /me/messages, with the messaging window enforced.
import { canSendNow } from "./reply-window";
import { graphErrors, GraphError } from "./graph-errors";
import { callerToken, requirePageToken, requireScope, requireTask } from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import { announceOutgoing, storePageMessage, type OutgoingDeps } from "./page-outgoing";
import { MAX_TEXT_LENGTH, parseSendBody, type SendBody } from "./send-api-schema";
import { reactionOf } from "./webhook-events";
import type { Thread } from "./world-types";

export function addSendApiRoutes(router: Router, deps: OutgoingDeps): void {
  router.on("POST", "/me/messages", (ctx) => send(deps, ctx, callerToken(deps.world, ctx).pageId ?? "me"));
  router.on("POST", "/:pageId/messages", (ctx) => send(deps, ctx, ctx.params.pageId ?? ""));
}

async function send(deps: OutgoingDeps, ctx: RequestContext, pageId: string): Promise<void> {
  const { world } = deps;
  const token = requirePageToken(world, ctx, pageId);
  requireScope(world, token, "pages_messaging");
  requireTask(world, token, pageId, ["MESSAGING"]);
  // Graph takes parameters from the query string too; the body wins when both are present.
  const input: Record<string, unknown> = { ...Object.fromEntries(ctx.query), ...ctx.body };
  delete input.access_token;
  const body = parseSendBody(input);
  const psid = body.recipient.id;
  try {
    const thread = threadOfCustomer(deps, pageId, psid);
    if (body.sender_action) return senderAction(deps, ctx, thread, body);
    await sendMessage(deps, ctx, thread, body);
  } catch (error) {
    if (error instanceof GraphError) {
      const { messaging_type: messagingType, tag } = body;
      const failure = { code: error.code, subcode: error.subcode };
      world.recordSend({
        at: world.now(),
        pageId,
        psid,
        messagingType,
        tag,
        text: body.message?.text,
        error: failure,
      });
    }
    throw error;
  }
}

/** A PSID exists only for the page it wrote to; a customer who never wrote cannot be messaged. */
function threadOfCustomer(deps: OutgoingDeps, pageId: string, psid: string): Thread {
  const customer = deps.world.customer(psid);
  if (!customer || customer.pageId !== pageId) throw graphErrors.noMatchingUser();
  const thread = deps.world.threadOf(pageId, psid);
  if (!thread) throw graphErrors.outsideWindow();
  return thread;
}

async function sendMessage(
  deps: OutgoingDeps,
  ctx: RequestContext,
  thread: Thread,
  body: SendBody,
): Promise<void> {
  const { world } = deps;
  const message = body.message;
  if (!message || (message.text === undefined && !message.attachment)) {
    throw graphErrors.invalidParameter("Message cannot be empty, must provide valid attachment or text");
  }
  if (message.text !== undefined && message.text.length > MAX_TEXT_LENGTH) {
    throw graphErrors.invalidParameter(
      `Length of param message[text] must be less than or equal to ${MAX_TEXT_LENGTH}`,
    );
  }
  const messagingType = body.messaging_type ?? "RESPONSE";
  if (messagingType === "MESSAGE_TAG" && !body.tag)
    throw graphErrors.invalidParameter("Tag is required for MESSAGE_TAG messaging type");
  const lastCustomerMessageAt = thread.messages.filter((m) => m.direction === "in").at(-1)?.createdAt;
  if (!canSendNow({ lastCustomerMessageAt, now: world.now(), messagingType, tag: body.tag }))
    throw graphErrors.outsideWindow();

  const replyToMid = (body.reply_to ?? message.reply_to)?.mid;
  if (replyToMid !== undefined && world.message(replyToMid)?.thread !== thread)
    throw graphErrors.invalidParameter("Param reply_to[mid] is not a message of this conversation");
  const stored = storePageMessage(world, thread, {
    text: message.text,
    attachments: message.attachment
      ? [{ type: message.attachment.type, url: message.attachment.payload.url }]
      : [],
    appId: world.config.appId,
    metadata: message.metadata,
    replyToMid,
  });
  const { pageId, psid } = thread;
  world.recordSend({
    at: stored.createdAt,
    pageId,
    psid,
    mid: stored.mid,
    messagingType,
    tag: body.tag,
    text: message.text,
    replyToMid,
  });
  await announceOutgoing(deps, thread, stored, world.config.echoBeforeResponse);
  sendJson(ctx.res, 200, { recipient_id: thread.psid, message_id: stored.mid });
}

function senderAction(deps: OutgoingDeps, ctx: RequestContext, thread: Thread, body: SendBody): void {
  const { world } = deps;
  const action = body.sender_action;
  if (body.message) throw graphErrors.invalidParameter("sender_action cannot be sent together with message");
  if (action === "mark_seen") thread.pageSeenWatermark = world.now();
  if (action === "react" || action === "unreact") {
    const target = world.message(body.payload?.message_id ?? "");
    if (!target || target.thread !== thread)
      throw graphErrors.invalidParameter("Invalid payload[message_id]");
    if (action === "react") target.message.reactions.page = reactionOf(body.payload?.reaction ?? "love");
    else delete target.message.reactions.page;
  }
  world.recordSend({ at: world.now(), pageId: thread.pageId, psid: thread.psid, senderAction: action });
  sendJson(ctx.res, 200, { recipient_id: thread.psid });
}
