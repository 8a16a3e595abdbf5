// Control API for tests and the demo: world summary and reset, app config, tokens, faults, raw webhooks, deauthorize.
import {
  configSchema,
  deauthorizeSchema,
  invalidateTokensSchema,
  issueTokenSchema,
  rawWebhookSchema,
} from "./control-schemas";
import { ControlError, notFound, parseControl, shouldWait } from "../shared/control-http";
import { deauthorizeUser } from "./deauthorize";
import { addFault } from "../shared/fault-queue";
import { faultSchema } from "./faults";
import { sendPlainJson } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import type { OutgoingDeps } from "./page-outgoing";
import { invalidateTokens, issueUserToken, pageTokenFor } from "./tokens";
import { pageWebhookBody } from "./webhook-events";
import { worldSummary } from "./world-summary";

/** What a test gets from POST /_emulator/tokens when it does not drive the dialog. */
const DEFAULT_SCOPES = [
  "public_profile",
  "pages_show_list",
  "pages_messaging",
  "pages_manage_metadata",
  "pages_read_engagement",
];

export function addControlRoutes(router: Router, deps: OutgoingDeps): void {
  const { world, webhooks } = deps;
  router.on("GET", "/_emulator/world", (ctx) => sendPlainJson(ctx.res, 200, worldSummary(world)));
  router.on("POST", "/_emulator/reset", (ctx) => {
    world.reset();
    sendPlainJson(ctx.res, 200, { ok: true });
  });

  router.on("GET", "/_emulator/config", (ctx) => sendPlainJson(ctx.res, 200, worldSummary(world).config));
  router.on("POST", "/_emulator/config", (ctx) => {
    const body = parseControl(configSchema, ctx);
    const { webhookUrl, deauthorizeUrl, ...timings } = body;
    Object.assign(world.config, timings);
    if (webhookUrl !== undefined) world.config.webhookUrl = webhookUrl ?? undefined;
    if (deauthorizeUrl !== undefined) world.config.deauthorizeUrl = deauthorizeUrl ?? undefined;
    sendPlainJson(ctx.res, 200, worldSummary(world).config);
  });

  router.on("POST", "/_emulator/tokens", (ctx) => issueTokens(deps, ctx));
  router.on("POST", "/_emulator/tokens/invalidate", (ctx) => {
    const body = parseControl(invalidateTokensSchema, ctx);
    const invalidated = invalidateTokens(
      world,
      { userId: body.userId, pageId: body.pageId, value: body.token },
      body.reason,
    );
    sendPlainJson(ctx.res, 200, { invalidated });
  });

  router.on("GET", "/_emulator/faults", (ctx) => sendPlainJson(ctx.res, 200, { data: world.faults }));
  router.on("POST", "/_emulator/faults", (ctx) =>
    sendPlainJson(ctx.res, 201, addFault(world, parseControl(faultSchema, ctx))),
  );
  const clearFaults = (ctx: RequestContext): void => {
    world.faults = [];
    sendPlainJson(ctx.res, 200, { ok: true });
  };
  router.on("DELETE", "/_emulator/faults", clearFaults);
  router.on("POST", "/_emulator/faults/reset", clearFaults);

  router.on("GET", "/_emulator/webhooks/deliveries", (ctx) => {
    const pageId = ctx.query.get("pageId");
    const kind = ctx.query.get("kind");
    const data = world.deliveries.filter(
      (d) => (!pageId || d.pageIds.includes(pageId)) && (!kind || d.kind === kind),
    );
    sendPlainJson(ctx.res, 200, { data });
  });
  router.on("POST", "/_emulator/webhooks/raw", async (ctx) => {
    const body = parseControl(rawWebhookSchema, ctx);
    const payload =
      body.body ??
      pageWebhookBody(
        (body.entries ?? []).map((e) => ({ pageId: e.pageId, events: e.messaging })),
        world.now(),
      );
    const pageIds = body.entries?.map((e) => e.pageId) ?? entryIds(body.body);
    const sendings = Array.from({ length: body.times }, () =>
      webhooks.deliverBody(payload, pageIds, body.signature),
    );
    const data = shouldWait(ctx)
      ? await Promise.all(sendings.map((s) => s.done))
      : sendings.map((s) => s.delivery);
    sendPlainJson(ctx.res, 201, { data });
  });

  router.on("POST", "/_emulator/deauthorize", async (ctx) => {
    const body = parseControl(deauthorizeSchema, ctx);
    if (!world.user(body.userId)) throw notFound(`User ${body.userId}`);
    sendPlainJson(ctx.res, 200, await deauthorizeUser(world, webhooks, body.userId));
  });
}

function entryIds(body: Record<string, unknown> | undefined): string[] {
  const entries = Array.isArray(body?.entry) ? (body.entry as unknown[]) : [];
  return entries.flatMap((e) =>
    typeof e === "object" && e !== null && typeof (e as { id?: unknown }).id === "string"
      ? [(e as { id: string }).id]
      : [],
  );
}

/** A shortcut past the login dialog: grants the scopes and every page of the user, then issues tokens. */
function issueTokens(deps: OutgoingDeps, ctx: RequestContext): void {
  const { world } = deps;
  const body = parseControl(issueTokenSchema, ctx);
  if (!world.user(body.userId)) throw notFound(`User ${body.userId}`);
  if (body.pageId && !world.role(body.userId, body.pageId)) {
    throw new ControlError(400, `User ${body.userId} has no role on page ${body.pageId}`);
  }
  const scopes = Object.fromEntries((body.scopes ?? DEFAULT_SCOPES).map((s) => [s, "granted" as const]));
  const pageIds = world.rolesOf(body.userId).map((r) => r.pageId);
  world.grants.set(body.userId, { userId: body.userId, scopes, pageIds, grantedAt: world.now() });
  const userToken = issueUserToken(world, body.userId, body.longLived);
  const pageToken = body.pageId ? pageTokenFor(world, userToken, body.pageId).value : undefined;
  sendPlainJson(ctx.res, 201, { userToken: userToken.value, ...(pageToken ? { pageToken } : {}) });
}
