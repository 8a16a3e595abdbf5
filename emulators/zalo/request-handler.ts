// Turns each HTTP request into a routed call: /_emulator/* to the control side, /v4/oa/* to OAuth,
// the rest to the Open API (where faults apply and errors travel in HTTP 200 bodies).
import type { IncomingMessage, ServerResponse } from "node:http";
import { serveControl } from "../shared/control-http";
import { BodyTooLargeError, parseBody, readBody, sendPlainJson } from "../shared/http-io";
import { Router, type RequestContext } from "../shared/http-router";
import { addAssetRoutes } from "./asset-routes";
import { addControlApiRoutes } from "./control-api";
import { addControlCustomerRoutes } from "./control-customer-routes";
import { CALL_FAULTS, faultError, takeFault } from "./faults";
import { addHistoryRoutes } from "./history-routes";
import type { ZaloDeps } from "./oa-outgoing";
import { addOAuthRoutes } from "./oauth-routes";
import { accessTokenOf } from "./open-api-request";
import { addProfileRoutes } from "./profile-routes";
import { addSendRoutes } from "./send-api";
import { addUploadRoutes, MAX_UPLOAD_REQUEST_BYTES } from "./upload-routes";
import { ZaloError, zaloErrors } from "./zalo-errors";

function controlRouter(deps: ZaloDeps): Router {
  const router = new Router();
  addAssetRoutes(router, deps.world);
  addControlApiRoutes(router, deps);
  addControlCustomerRoutes(router, deps);
  return router;
}

function openApiRouter(deps: ZaloDeps): Router {
  const router = new Router();
  addSendRoutes(router, deps);
  addUploadRoutes(router, deps);
  addProfileRoutes(router, deps);
  addHistoryRoutes(router, deps);
  return router;
}

export function createRequestHandler(deps: ZaloDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const control = controlRouter(deps);
  const oauth = new Router();
  addOAuthRoutes(oauth, deps.world);
  const openApi = openApiRouter(deps);
  return (req, res) => {
    void handle(deps, { control, oauth, openApi }, req, res).catch((error: unknown) => {
      // Only the path is logged: query strings and bodies may carry tokens.
      console.error(
        `[zalo-emulator] ${req.method ?? "?"} ${(req.url ?? "").split("?")[0] ?? ""} failed:`,
        error,
      );
      if (!res.headersSent) sendPlainJson(res, 500, { error: -1, message: "Emulator internal error" });
      else res.destroy();
    });
  };
}

async function handle(
  deps: ZaloDeps,
  routers: { control: Router; oauth: Router; openApi: Router },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, MAX_UPLOAD_REQUEST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return sendPlainJson(res, 413, { error: -413, message: error.message });
    throw error;
  }
  const ctx: RequestContext = {
    req,
    res,
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    body: parseBody(rawBody, req.headers["content-type"]),
    rawBody,
    params: {},
  };
  if (ctx.path === "/_emulator" || ctx.path.startsWith("/_emulator/"))
    return serveControl(routers.control, ctx);
  if (ctx.path.startsWith("/v4/oa/")) return handleOAuth(routers.oauth, ctx);
  return handleOpenApi(deps, routers.openApi, ctx);
}

/** The permission page and token endpoint answer their own errors (HTML, or OAuth bodies). */
async function handleOAuth(router: Router, ctx: RequestContext): Promise<void> {
  const match = router.match(ctx.method, ctx.path);
  if (!match || "methodNotAllowed" in match) return sendZaloError(ctx, zaloErrors.unknownPath(ctx.path));
  await match.handler(ctx);
}

async function handleOpenApi(deps: ZaloDeps, router: Router, ctx: RequestContext): Promise<void> {
  try {
    const oaId = deps.world.accessTokens.get(accessTokenOf(ctx) ?? "")?.oaId;
    const fault = takeFault(deps.world, ctx.path, oaId, CALL_FAULTS);
    if (fault?.kind === "slow") await deps.scheduler.delay(fault.delayMs ?? 3000);
    const error = fault ? faultError(fault) : undefined;
    if (error) throw error;
    const match = router.match(ctx.method, ctx.path);
    if (!match || "methodNotAllowed" in match) throw zaloErrors.unknownPath(ctx.path);
    ctx.params = match.params;
    await match.handler(ctx);
  } catch (error) {
    if (!(error instanceof ZaloError)) throw error;
    sendZaloError(ctx, error);
  }
}

function sendZaloError(ctx: RequestContext, error: ZaloError): void {
  sendPlainJson(ctx.res, error.httpStatus, error.toBody());
}
