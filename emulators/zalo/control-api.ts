// The control API's world-level routes: inspect and reset the world, wire the app, issue and kill
// tokens, read the refresh-token log, arm faults, seed history, move the clock.
import { sendPlainJson } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import { notFound, parseControl } from "../shared/control-http";
import { seedRandom } from "../shared/seed-random";
import {
  clockSchema,
  configSchema,
  historySeedSchema,
  oaSchema,
  oaUpdateSchema,
  rawWebhookSchema,
  revokeSchema,
} from "./control-schemas";
import { addFault } from "../shared/fault-queue";
import { faultSchema } from "./faults";
import type { ZaloDeps } from "./oa-outgoing";
import { seedHistory } from "./seed-world";
import { expireAccessTokens, issueTokens, revokeRefreshTokens } from "./tokens";
import type { ZaloWorld } from "./world";
import { worldSummary } from "./world-summary";

function requireOa(world: ZaloWorld, oaId: string): void {
  if (!world.oa(oaId)) throw notFound(`OA ${oaId}`);
}

export function addControlApiRoutes(router: Router, deps: ZaloDeps): void {
  const { world } = deps;
  const ok = (ctx: RequestContext, value: unknown) => sendPlainJson(ctx.res, 200, value);

  router.on("GET", "/_emulator/world", (ctx) => ok(ctx, worldSummary(world)));
  router.on("POST", "/_emulator/reset", (ctx) => {
    world.reset();
    ok(ctx, { reset: true });
  });

  router.on("GET", "/_emulator/config", (ctx) => ok(ctx, publicConfig(world)));
  router.on("POST", "/_emulator/config", (ctx) => {
    const { webhookUrl, ...rest } = parseControl(configSchema, ctx);
    Object.assign(world.config, rest);
    if (webhookUrl !== undefined) world.config.webhookUrl = webhookUrl ?? undefined;
    ok(ctx, publicConfig(world));
  });

  router.on("POST", "/_emulator/oas/:oaId", (ctx) => {
    const oa = world.oa(ctx.params.oaId ?? "");
    if (!oa) throw notFound(`OA ${ctx.params.oaId ?? ""}`);
    Object.assign(oa, parseControl(oaUpdateSchema, ctx));
    ok(ctx, oa);
  });

  router.on("POST", "/_emulator/tokens", (ctx) => {
    const { oaId } = parseControl(oaSchema, ctx);
    requireOa(world, oaId);
    ok(ctx, issueTokens(world, oaId));
  });
  router.on("POST", "/_emulator/tokens/expire", (ctx) => {
    const { oaId } = parseControl(oaSchema, ctx);
    requireOa(world, oaId);
    ok(ctx, { expired: expireAccessTokens(world, oaId) });
  });
  router.on("POST", "/_emulator/tokens/revoke-refresh", (ctx) => {
    const { oaId, alsoAccessTokens } = parseControl(revokeSchema, ctx);
    requireOa(world, oaId);
    ok(ctx, { revoked: revokeRefreshTokens(world, oaId, alsoAccessTokens) });
  });
  router.on("GET", "/_emulator/tokens/refresh-uses", (ctx) => {
    const oaId = ctx.query.get("oaId");
    ok(ctx, { uses: world.refreshUses.filter((u) => !oaId || u.oaId === oaId) });
  });

  router.on("GET", "/_emulator/faults", (ctx) => ok(ctx, { faults: world.faults }));
  router.on("POST", "/_emulator/faults", (ctx) => ok(ctx, addFault(world, parseControl(faultSchema, ctx))));
  router.on("DELETE", "/_emulator/faults", (ctx) => {
    world.faults = [];
    ok(ctx, { faults: [] });
  });

  router.on("POST", "/_emulator/history", (ctx) => {
    const { oaId, conversations, seed } = parseControl(historySeedSchema, ctx);
    requireOa(world, oaId);
    seedHistory(world, oaId, conversations, seedRandom(seed));
    const withMessages = new Set(world.messages.filter((m) => m.oaId === oaId).map((m) => m.userId));
    ok(ctx, { oaId, conversations: withMessages.size });
  });

  router.on("GET", "/_emulator/clock", (ctx) => ok(ctx, clockOf(world)));
  router.on("POST", "/_emulator/clock/advance", (ctx) => {
    const { hours, minutes } = parseControl(clockSchema, ctx);
    world.clockOffsetMs += Math.round((hours * 60 + minutes) * 60_000);
    ok(ctx, clockOf(world));
  });

  router.on("POST", "/_emulator/webhooks/raw", async (ctx) => {
    const { oaId, body, signature, times } = parseControl(rawWebhookSchema, ctx);
    const timestamp = typeof body.timestamp === "string" ? body.timestamp : String(world.now());
    const eventName = typeof body.event_name === "string" ? body.event_name : "raw";
    const sendings = Array.from({ length: times }, () =>
      deps.webhooks.deliver({ oaId, eventName, body: { ...body, timestamp } }, signature),
    );
    const deliveries = await Promise.all(sendings.map((s) => s.done));
    ok(ctx, { deliveries });
  });
  router.on("GET", "/_emulator/webhooks/deliveries", (ctx) => {
    const oaId = ctx.query.get("oaId");
    const eventName = ctx.query.get("eventName");
    ok(ctx, {
      deliveries: world.deliveries.filter(
        (d) => (!oaId || d.oaId === oaId) && (!eventName || d.eventName === eventName),
      ),
    });
  });
}

const SECRET_CONFIG_KEYS: ReadonlySet<string> = new Set(["appSecret", "oaSecretKey"]);

/** The wiring, without the secrets. */
function publicConfig(world: ZaloWorld): Record<string, unknown> {
  return Object.fromEntries(Object.entries(world.config).filter(([key]) => !SECRET_CONFIG_KEYS.has(key)));
}

function clockOf(world: ZaloWorld): { now: number; offsetMs: number } {
  return { now: world.now(), offsetMs: world.clockOffsetMs };
}
