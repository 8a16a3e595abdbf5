// The logged-in user's side of Graph: /me, /me/permissions and /me/accounts (their pages).
import { parseFields, selectFields } from "./fields";
import { graphErrors } from "./graph-errors";
import { pageFields, userFields } from "./graph-nodes";
import { callerToken, limitParam, param, requireUserToken } from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import { pagedList, sliceFromRequest } from "./paging";
import { grantedScopes, pageTokenFor } from "./tokens";
import type { World } from "./world";

export function addUserRoutes(router: Router, world: World): void {
  router.on("GET", "/me", (ctx) => me(world, ctx));
  router.on("GET", "/me/permissions", (ctx) => permissions(world, ctx));
  router.on("GET", "/me/accounts", (ctx) => accounts(world, ctx));
}

function me(world: World, ctx: RequestContext): void {
  const token = callerToken(world, ctx);
  const fields = parseFields(param(ctx, "fields"));
  if (token.kind === "page") {
    const page = world.page(token.pageId ?? "");
    if (!page) throw graphErrors.unknownObject("me");
    return sendJson(ctx.res, 200, selectFields("Page", fields, ["name", "id"], pageFields(world, page)));
  }
  const user = world.user(token.userId);
  if (!user) throw graphErrors.unknownObject("me");
  sendJson(ctx.res, 200, selectFields("User", fields, ["name", "id"], userFields(world, user)));
}

function permissions(world: World, ctx: RequestContext): void {
  const token = requireUserToken(world, ctx);
  const scopes = world.grants.get(token.userId)?.scopes ?? {};
  sendJson(ctx.res, 200, {
    data: Object.entries(scopes).map(([permission, status]) => ({ permission, status })),
  });
}

/** Only the pages ticked in the dialog, and only with pages_show_list granted (else an empty list, as Facebook). */
function accounts(world: World, ctx: RequestContext): void {
  const token = requireUserToken(world, ctx);
  const fields = parseFields(param(ctx, "fields"));
  const grant = world.grants.get(token.userId);
  const visible = grantedScopes(world, token.userId).includes("pages_show_list")
    ? (grant?.pageIds ?? [])
    : [];
  const roles = world.rolesOf(token.userId).filter((r) => visible.includes(r.pageId));
  const slice = sliceFromRequest(ctx, roles, (r) => r.pageId, limitParam(ctx, 25));
  const data = slice.items.flatMap((role) => {
    const page = world.page(role.pageId);
    if (!page) return [];
    const pageToken = pageTokenFor(world, token, page.id);
    const producers = pageFields(world, page, role, pageToken.value);
    return [selectFields("Page", fields, ["access_token", "category", "name", "id", "tasks"], producers)];
  });
  sendJson(ctx.res, 200, pagedList(world, ctx, slice, data));
}
