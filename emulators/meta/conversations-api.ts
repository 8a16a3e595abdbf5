// The Conversations API: a page's threads (newest first, cursor-paged) and each thread's messages.
import {
  fieldsText,
  isReadable,
  lastActivity,
  messageFields,
  messageInListing,
  newestFirst,
} from "./conversation-nodes";
import { parseFields, selectFields, type FieldProducers, type FieldSpec } from "./fields";
import { graphErrors } from "./graph-errors";
import {
  accessTokenValue,
  graphTime,
  limitParam,
  param,
  requirePageToken,
  requireScope,
  requireTask,
} from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import { pagedList, slice, sliceFromRequest } from "./paging";
import type { World } from "./world";
import type { StoredMessage, Thread } from "./world-types";

export function addConversationRoutes(router: Router, world: World): void {
  router.on("GET", "/:pageId/conversations", (ctx) => listConversations(world, ctx));
  router.on("GET", "/:conversationId/messages", (ctx) => listMessages(world, ctx));
}

/** The Conversations API needs a page token with MESSAGING or MODERATE and pages_messaging. */
export function authorizeThreadRead(world: World, ctx: RequestContext, pageId: string): void {
  const token = requirePageToken(world, ctx, pageId);
  requireTask(world, token, pageId, ["MESSAGING", "MODERATE"]);
  requireScope(world, token, "pages_messaging");
}

function listConversations(world: World, ctx: RequestContext): void {
  const pageId = ctx.params.pageId ?? "";
  authorizeThreadRead(world, ctx, pageId);
  const platform = param(ctx, "platform") ?? "messenger";
  if (platform !== "messenger" && platform !== "instagram")
    throw graphErrors.invalidParameter("Param platform must be one of {MESSENGER, INSTAGRAM}");
  const userId = param(ctx, "user_id");
  // Messenger threads only: the emulated pages have no linked Instagram account.
  const threads =
    platform === "instagram"
      ? []
      : world.threads.filter((t) => t.pageId === pageId && (!userId || t.psid === userId));
  threads.sort((a, b) => lastActivity(b) - lastActivity(a) || a.id.localeCompare(b.id));
  const fields = parseFields(param(ctx, "fields"));
  const page = sliceFromRequest(ctx, threads, (t) => t.id, limitParam(ctx, 25));
  const data = page.items.map((t) =>
    selectFields("Conversation", fields, ["id", "updated_time"], conversationFields(world, ctx, t)),
  );
  sendJson(ctx.res, 200, pagedList(world, ctx, page, data));
}

export function conversationFields(world: World, ctx: RequestContext, thread: Thread): FieldProducers {
  const customer = world.customer(thread.psid);
  const page = world.page(thread.pageId);
  const people = [
    { name: customer?.name ?? "", email: `${thread.psid}@facebook.com`, id: thread.psid },
    { name: page?.name ?? "", email: `${thread.pageId}@facebook.com`, id: thread.pageId },
  ];
  const incoming = thread.messages.filter((m) => m.direction === "in");
  return {
    id: () => thread.id,
    updated_time: () => graphTime(lastActivity(thread)),
    message_count: () => thread.messages.length,
    unread_count: () => incoming.filter((m) => m.createdAt > thread.pageSeenWatermark).length,
    snippet: () => thread.messages.at(-1)?.text ?? "",
    participants: () => ({ data: people }),
    senders: () => ({ data: people }),
    can_reply: () => true,
    link: () => `/${thread.pageId}/inbox/${thread.id.slice(2)}/`,
    messages: (spec) => nestedMessages(world, ctx, thread, spec),
  };
}

function nestedMessages(
  world: World,
  ctx: RequestContext,
  thread: Thread,
  spec: FieldSpec,
): Record<string, unknown> {
  const limit = Math.min(spec.limit ?? 25, 100);
  const part = slice(newestFirst(thread), (m) => m.mid, limit);
  const extra: Record<string, string> = { limit: String(limit) };
  const token = accessTokenValue(ctx);
  if (token) extra.access_token = token;
  const childFields = fieldsText(spec.children);
  if (childFields) extra.fields = childFields;
  const data = part.items.map((m) => messageInListing(world, thread, m, spec.children));
  return pagedList(world, ctx, part, data, `/${thread.id}/messages`, extra);
}

function listMessages(world: World, ctx: RequestContext): void {
  const thread = world.thread(ctx.params.conversationId ?? "");
  if (!thread) throw graphErrors.unknownObject(ctx.params.conversationId ?? "");
  authorizeThreadRead(world, ctx, thread.pageId);
  const fields = parseFields(param(ctx, "fields"));
  const page = sliceFromRequest(ctx, newestFirst(thread), (m) => m.mid, limitParam(ctx, 25));
  sendJson(
    ctx.res,
    200,
    pagedList(
      world,
      ctx,
      page,
      page.items.map((m) => messageInListing(world, thread, m, fields)),
    ),
  );
}

/** GET /{message-id}: details only for the 20 most recent messages of the thread. */
export function messageNode(
  world: World,
  ctx: RequestContext,
  thread: Thread,
  message: StoredMessage,
): Record<string, unknown> {
  authorizeThreadRead(world, ctx, thread.pageId);
  if (!isReadable(thread, message)) throw graphErrors.deletedMessage(message.mid);
  const fields = parseFields(param(ctx, "fields"));
  return selectFields("Message", fields, ["id", "created_time"], messageFields(world, thread, message));
}
