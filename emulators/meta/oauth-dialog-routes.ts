// The Facebook Login dialog: choose the account, tick pages, grant permissions, then redirect with a code.
import { randomBytes } from "node:crypto";
import { sendHtml, sendRedirect } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import {
  chooseUserScreen,
  choosePagesScreen,
  dialogErrorScreen,
  permissionsScreen,
  type DialogForm,
} from "./oauth-dialog-pages";
import type { World } from "./world";
import type { DialogSession, FacebookUser, PermissionStatus } from "./world-types";

const SESSION_TTL_MS = 30 * 60_000;
/** Facebook grants the public profile with every login; it is never asked for. */
const ALWAYS_GRANTED = "public_profile";

export function addOAuthDialogRoutes(router: Router, world: World): void {
  router.on("GET", "/dialog/oauth", (ctx) => startDialog(world, ctx));
  router.on("POST", "/dialog/oauth/step", (ctx) => dialogStep(world, ctx));
}

function startDialog(world: World, ctx: RequestContext): void {
  const clientId = ctx.query.get("client_id");
  const redirectUri = ctx.query.get("redirect_uri") ?? "";
  const responseType = ctx.query.get("response_type") ?? "code";
  if (clientId !== world.config.appId)
    return showError(ctx, `ID ứng dụng không hợp lệ: "${clientId ?? ""}".`);
  if (!isHttpUrl(redirectUri)) return showError(ctx, "URL chuyển hướng (redirect_uri) không hợp lệ.");
  if (responseType !== "code") return showError(ctx, "Trình giả lập chỉ hỗ trợ response_type=code.");

  const now = world.now();
  for (const [id, old] of world.dialogs) if (now - old.createdAt > SESSION_TTL_MS) world.dialogs.delete(id);
  const session: DialogSession = {
    id: randomBytes(18).toString("base64url"),
    redirectUri,
    state: ctx.query.get("state") ?? undefined,
    scopes: [
      ...new Set((ctx.query.get("scope") ?? "").split(/[,\s]+/).filter((s) => s && s !== ALWAYS_GRANTED)),
    ],
    rerequest: ctx.query.get("auth_type") === "rerequest",
    createdAt: now,
  };
  world.dialogs.set(session.id, session);
  sendHtml(ctx.res, 200, chooseUserScreen(formOf(world, ctx, session), world.users, avatarUrl));
}

function dialogStep(world: World, ctx: RequestContext): void {
  // Read the raw form: Object-shaped bodies would drop the repeated "page" checkboxes.
  const form = new URLSearchParams(ctx.rawBody.toString("utf8"));
  const session = world.dialogs.get(form.get("session") ?? "");
  if (!session) return showError(ctx, "Phiên đăng nhập không tồn tại hoặc đã hết hạn. Vui lòng thử lại.");
  const actions = form.getAll("action");
  if (actions.includes("cancel")) {
    world.dialogs.delete(session.id);
    return sendRedirect(ctx.res, denialUrl(session));
  }
  const f = formOf(world, ctx, session);
  const screen = form.get("screen");

  if (screen === "user") {
    const user = world.user(form.get("userId") ?? "");
    if (!user) return showError(ctx, "Tài khoản không tồn tại.");
    session.userId = user.id;
    return sendHtml(ctx.res, 200, choosePagesScreen(f, user, pageChoices(world, user, undefined), false));
  }

  const user = world.user(session.userId ?? "");
  if (!user) return showError(ctx, "Hãy chọn tài khoản Facebook trước.");
  const ownPageIds = world.rolesOf(user.id).map((r) => r.pageId);

  if (screen === "pages") {
    if (actions.includes("edit")) {
      return sendHtml(
        ctx.res,
        200,
        choosePagesScreen(f, user, pageChoices(world, user, session.pageIds), true),
      );
    }
    // Without "Chỉnh sửa cài đặt" every page stays ticked, as on Facebook.
    session.pageIds = form.get("editing")
      ? form.getAll("page").filter((id) => ownPageIds.includes(id))
      : ownPageIds;
    return sendHtml(
      ctx.res,
      200,
      permissionsScreen(f, user, scopesToAsk(world, user, session), session.rerequest),
    );
  }

  if (screen === "permissions" && session.pageIds) {
    finishGrant(world, user, session, form);
    world.dialogs.delete(session.id);
    return sendRedirect(ctx.res, codeUrl(world, user, session));
  }
  showError(ctx, "Bước đăng nhập không hợp lệ.");
}

/** Declined permissions are not asked again unless the app re-requests them (auth_type=rerequest). */
function scopesToAsk(world: World, user: FacebookUser, session: DialogSession): string[] {
  const previous = world.grants.get(user.id)?.scopes ?? {};
  return session.scopes.filter((scope) => session.rerequest || previous[scope] !== "declined");
}

function finishGrant(world: World, user: FacebookUser, session: DialogSession, form: URLSearchParams): void {
  const previous = world.grants.get(user.id);
  const scopes: Record<string, PermissionStatus> = { ...previous?.scopes, [ALWAYS_GRANTED]: "granted" };
  const asked = scopesToAsk(world, user, session);
  for (const scope of session.scopes) {
    if (!asked.includes(scope)) continue;
    scopes[scope] = form.get(`perm:${scope}`) === "declined" ? "declined" : "granted";
  }
  world.grants.set(user.id, {
    userId: user.id,
    scopes,
    pageIds: session.pageIds ?? [],
    grantedAt: world.now(),
  });
}

function codeUrl(world: World, user: FacebookUser, session: DialogSession): string {
  const code = randomBytes(32).toString("base64url");
  world.codes.set(code, {
    code,
    userId: user.id,
    redirectUri: session.redirectUri,
    createdAt: world.now(),
    used: false,
  });
  const url = new URL(session.redirectUri);
  url.searchParams.set("code", code);
  if (session.state !== undefined) url.searchParams.set("state", session.state);
  return url.toString();
}

function denialUrl(session: DialogSession): string {
  const url = new URL(session.redirectUri);
  url.searchParams.set("error", "access_denied");
  url.searchParams.set("error_reason", "user_denied");
  url.searchParams.set("error_description", "Permissions error");
  if (session.state !== undefined) url.searchParams.set("state", session.state);
  return url.toString();
}

function pageChoices(world: World, user: FacebookUser, selected: string[] | undefined) {
  return world.rolesOf(user.id).flatMap((role) => {
    const page = world.page(role.pageId);
    if (!page) return [];
    return [
      { page, role, pictureUrl: avatarUrl(page.id), checked: selected ? selected.includes(page.id) : true },
    ];
  });
}

function formOf(world: World, ctx: RequestContext, session: DialogSession): DialogForm {
  const prefix = ctx.version ? `/${ctx.version}` : "";
  return { action: `${prefix}/dialog/oauth/step`, sessionId: session.id, appName: world.config.appName };
}

const avatarUrl = (id: string): string => `/_emulator/avatar/${id}.svg`;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function showError(ctx: RequestContext, message: string): void {
  sendHtml(ctx.res, 400, dialogErrorScreen(message));
}
