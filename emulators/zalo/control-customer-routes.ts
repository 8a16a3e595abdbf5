// The control API's customer side: a Zalo user writes, follows or unfollows, receives and reads the
// OA's messages; the shop answers from Zalo's OA Chat; and what the OA sent, for assertions.
import { sendPlainJson } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import { notFound, parseControl, shouldWait } from "../shared/control-http";
import {
  followSchema,
  newUserSchema,
  oaChatSchema,
  receiptSchema,
  userMessageSchema,
} from "./control-schemas";
import {
  actingUser,
  oaChatReply,
  setFollowing,
  userReceives,
  userSees,
  userWrites,
} from "./customer-actions";
import type { ZaloDeps } from "./oa-outgoing";
import type { Sending } from "./webhook-delivery";
import { messageSummary, userSummary } from "./world-summary";
import type { WebhookDelivery } from "./world-types";

/** Waits for the webhooks' outcome (retries included) unless `?wait=false`. */
async function outcome(ctx: RequestContext, sendings: Sending[]): Promise<WebhookDelivery[]> {
  if (!shouldWait(ctx)) return sendings.map((s) => s.delivery);
  return Promise.all(sendings.map((s) => s.done));
}

export function addControlCustomerRoutes(router: Router, deps: ZaloDeps): void {
  const { world } = deps;
  const ok = (ctx: RequestContext, value: unknown) => sendPlainJson(ctx.res, 200, value);

  router.on("POST", "/_emulator/users", async (ctx) => {
    const { oaId, name, follow } = parseControl(newUserSchema, ctx);
    const user = actingUser(world, { oaId, newUserName: name });
    const deliveries = follow ? await outcome(ctx, [setFollowing(deps, user, true)]) : [];
    ok(ctx, { user: userSummary(world, user), deliveries });
  });

  router.on("GET", "/_emulator/users", (ctx) => {
    const oaId = ctx.query.get("oaId") ?? "";
    if (!world.oa(oaId)) throw notFound(`OA ${oaId}`);
    ok(ctx, { users: world.usersOf(oaId).map((u) => userSummary(world, u)) });
  });

  router.on("POST", "/_emulator/messages", async (ctx) => {
    const { oaId, userId, newUserName, ...input } = parseControl(userMessageSchema, ctx);
    const user = actingUser(world, { oaId, userId, newUserName });
    const { message, sending } = userWrites(deps, user, input);
    const [delivery] = await outcome(ctx, [sending]);
    ok(ctx, { userId: user.userId, message: messageSummary(message), delivery });
  });

  router.on("POST", "/_emulator/follows", async (ctx) => {
    const { following, ...actor } = parseControl(followSchema, ctx);
    const user = actingUser(world, actor);
    const [delivery] = await outcome(ctx, [setFollowing(deps, user, following)]);
    ok(ctx, { userId: user.userId, following, delivery });
  });

  router.on("POST", "/_emulator/receipts/received", async (ctx) => {
    const { msgIds, ...actor } = parseControl(receiptSchema, ctx);
    const deliveries = await outcome(ctx, userReceives(deps, actingUser(world, actor), msgIds));
    ok(ctx, { deliveries });
  });

  router.on("POST", "/_emulator/receipts/seen", async (ctx) => {
    const { msgIds, ...actor } = parseControl(receiptSchema, ctx);
    const sending = userSees(deps, actingUser(world, actor), msgIds);
    ok(ctx, { deliveries: await outcome(ctx, sending ? [sending] : []) });
  });

  router.on("POST", "/_emulator/oa-chat", async (ctx) => {
    const { text, ...actor } = parseControl(oaChatSchema, ctx);
    const { message, sending } = oaChatReply(deps, actingUser(world, actor), text);
    const [delivery] = await outcome(ctx, [sending]);
    ok(ctx, { message: messageSummary(message), delivery });
  });

  /** One conversation, oldest first; `?from=oa` keeps what the OA sent (texts, attachments, quota flag). */
  router.on("GET", "/_emulator/conversation", (ctx) => {
    const user = actingUser(world, {
      oaId: ctx.query.get("oaId") ?? "",
      userId: ctx.query.get("userId") ?? "",
    });
    const from = ctx.query.get("from");
    const messages = world
      .conversation(user.oaId, user.userId)
      .map(messageSummary)
      .filter((m) => !from || m.from === from);
    ok(ctx, { user: userSummary(world, user), messages });
  });
}
