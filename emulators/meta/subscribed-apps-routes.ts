// POST/GET/DELETE /{page-id}/subscribed_apps: which pages send this app webhooks, and for which fields.
import { graphErrors } from "./graph-errors";
import { param, requirePageToken, requireScope, requireTask } from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import type { World } from "./world";

export const PAGE_WEBHOOK_FIELDS = [
  "messages",
  "messaging_postbacks",
  "message_echoes",
  "message_deliveries",
  "message_reads",
  "message_reactions",
  "messaging_referrals",
  "message_edits",
  "messaging_optins",
  "messaging_handovers",
  "standby",
  "messaging_account_linking",
  "messaging_policy_enforcement",
  "feed",
  "inbox_labels",
] as const;

export function addSubscribedAppsRoutes(router: Router, world: World): void {
  router.on("GET", "/:pageId/subscribed_apps", (ctx) => list(world, ctx));
  router.on("POST", "/:pageId/subscribed_apps", (ctx) => subscribe(world, ctx));
  router.on("DELETE", "/:pageId/subscribed_apps", (ctx) => unsubscribe(world, ctx));
}

function authorize(world: World, ctx: RequestContext): string {
  const pageId = ctx.params.pageId ?? "";
  const token = requirePageToken(world, ctx, pageId);
  requireTask(world, token, pageId, ["MANAGE", "CREATE_CONTENT", "MODERATE"]);
  requireScope(world, token, "pages_manage_metadata");
  return pageId;
}

function list(world: World, ctx: RequestContext): void {
  const subscription = world.subscriptions.get(authorize(world, ctx));
  const data = subscription
    ? [
        {
          category: "Business",
          link: "https://example.invalid/",
          name: world.config.appName,
          id: world.config.appId,
          subscribed_fields: subscription.fields,
        },
      ]
    : [];
  sendJson(ctx.res, 200, { data });
}

function subscribe(world: World, ctx: RequestContext): void {
  const pageId = authorize(world, ctx);
  const raw = param(ctx, "subscribed_fields") ?? fieldsFromJsonArray(ctx.body.subscribed_fields);
  if (!raw) throw graphErrors.invalidParameter("The parameter subscribed_fields is required");
  const fields = [
    ...new Set(
      raw
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  fields.forEach((field, i) => {
    if (!(PAGE_WEBHOOK_FIELDS as readonly string[]).includes(field)) {
      throw graphErrors.invalidParameter(
        `Param subscribed_fields[${i}] must be one of {${PAGE_WEBHOOK_FIELDS.join(", ")}} - got "${field}".`,
      );
    }
  });
  world.subscriptions.set(pageId, { pageId, fields, subscribedAt: world.now() });
  sendJson(ctx.res, 200, { success: true });
}

function fieldsFromJsonArray(value: unknown): string | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(",") : undefined;
}

function unsubscribe(world: World, ctx: RequestContext): void {
  world.subscriptions.delete(authorize(world, ctx));
  sendJson(ctx.res, 200, { success: true });
}
