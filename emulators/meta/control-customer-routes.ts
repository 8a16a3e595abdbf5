// Control API, customer side: create customers, act as them (write, tap, react, read) and age threads.
import {
  customerPhoneReceives,
  customerReacts,
  customerReads,
  customerTapsButton,
  customerWrites,
  CustomerNotFoundError,
  type ActionResult,
} from "./customer-actions";
import {
  ageThreadSchema,
  customerMessageSchema,
  deliverySchema,
  foreignEchoSchema,
  newCustomerSchema,
  postbackSchema,
  reactionSchema,
  readSchema,
} from "./control-schemas";
import { ControlError, notFound, parseControl, shouldWait } from "../shared/control-http";
import { sendPlainJson } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import { echoNow, scheduleDeliveryReceipt, storePageMessage, type OutgoingDeps } from "./page-outgoing";
import { LIKE_STICKER_ID } from "./like-sticker";
import { threadDetail } from "./world-summary";
import { PAGE_INBOX_APP_ID, type Attachment } from "./world-types";

const HOUR_MS = 3600 * 1000;

export function addControlCustomerRoutes(router: Router, deps: OutgoingDeps): void {
  const { world } = deps;
  router.on("POST", "/_emulator/customers", (ctx) => {
    const body = parseControl(newCustomerSchema, ctx);
    if (!world.page(body.pageId)) throw notFound(`Page ${body.pageId}`);
    sendPlainJson(ctx.res, 201, world.addCustomer(body.pageId, body.firstName, body.lastName));
  });

  router.on("GET", "/_emulator/threads", (ctx) => {
    const thread = world.threadOf(ctx.query.get("pageId") ?? "", ctx.query.get("psid") ?? "");
    if (!thread) throw notFound("Thread");
    sendPlainJson(ctx.res, 200, threadDetail(world, thread));
  });

  // Moves the whole thread back in time (keeping its order) so the 24 h / 7 day windows can be tested.
  router.on("POST", "/_emulator/threads/age", (ctx) => {
    const body = parseControl(ageThreadSchema, ctx);
    const thread = body.threadId
      ? world.thread(body.threadId)
      : world.threadOf(body.pageId ?? "", body.psid ?? "");
    if (!thread) throw notFound("Thread");
    const shift = Math.round(body.hours * HOUR_MS);
    for (const m of thread.messages) m.createdAt -= shift;
    thread.customerReadWatermark = Math.max(0, thread.customerReadWatermark - shift);
    thread.customerDeliveredWatermark = Math.max(0, thread.customerDeliveredWatermark - shift);
    thread.pageSeenWatermark = Math.max(0, thread.pageSeenWatermark - shift);
    sendPlainJson(ctx.res, 200, threadDetail(world, thread));
  });

  router.on("POST", "/_emulator/messages", async (ctx) => {
    const body = parseControl(customerMessageSchema, ctx);
    if (!world.page(body.pageId)) throw notFound(`Page ${body.pageId}`);
    const psid =
      body.psid ??
      world.addCustomer(body.pageId, body.customer?.firstName ?? "", body.customer?.lastName ?? "").psid;
    const attachments: Attachment[] = [...(body.attachments ?? [])];
    if (body.sticker === "like")
      attachments.push({ type: "image", url: "/_emulator/sticker/like.svg", stickerId: LIKE_STICKER_ID });
    await respond(ctx, () => customerWrites(deps, { ...body, psid, attachments }));
  });

  router.on("POST", "/_emulator/postbacks", (ctx) =>
    respond(ctx, () => customerTapsButton(deps, parseControl(postbackSchema, ctx))),
  );
  router.on("POST", "/_emulator/reactions", (ctx) =>
    respond(ctx, () => customerReacts(deps, parseControl(reactionSchema, ctx))),
  );
  router.on("POST", "/_emulator/reads", (ctx) =>
    respond(ctx, () => customerReads(deps, parseControl(readSchema, ctx))),
  );
  router.on("POST", "/_emulator/deliveries", (ctx) =>
    respond(ctx, () => customerPhoneReceives(deps, parseControl(deliverySchema, ctx))),
  );

  // A human answering in Facebook's Page Inbox: the app sees only an echo with a foreign app_id.
  router.on("POST", "/_emulator/echoes", async (ctx) => {
    const body = parseControl(foreignEchoSchema, ctx);
    // As on Messenger, a page can only answer a customer who wrote first.
    const thread = world.threadOf(body.pageId, body.psid);
    if (!thread) throw notFound(`Conversation of customer ${body.psid} with page ${body.pageId}`);
    const message = storePageMessage(world, thread, {
      text: body.text,
      attachments: body.attachments ?? [],
      appId: body.appId ?? PAGE_INBOX_APP_ID,
    });
    const echo = echoNow(deps, thread, message);
    scheduleDeliveryReceipt(deps, thread, message);
    if (shouldWait(ctx)) await echo;
    sendPlainJson(ctx.res, 201, { mid: message.mid, threadId: thread.id, timestamp: message.createdAt });
  });
}

async function respond(ctx: RequestContext, act: () => ActionResult): Promise<void> {
  let result: ActionResult;
  try {
    result = act();
  } catch (error) {
    if (error instanceof CustomerNotFoundError) throw new ControlError(404, error.message);
    throw error;
  }
  const delivery = result.sending && shouldWait(ctx) ? await result.sending.done : result.sending?.delivery;
  sendPlainJson(ctx.res, 201, {
    threadId: result.thread.id,
    psid: result.thread.psid,
    ...(result.message ? { mid: result.message.mid, timestamp: result.message.createdAt } : {}),
    delivery: delivery ?? null,
  });
}
