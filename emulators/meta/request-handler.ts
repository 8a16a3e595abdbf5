// Turns each HTTP request into a routed call: /_emulator/* to the control side, the rest to Graph.
import type { IncomingMessage, ServerResponse } from "node:http";
import { controlRouter } from "./control-router";
import { serveControl } from "../shared/control-http";
import { faultError, takeFault } from "./faults";
import { GraphError, graphErrors } from "./graph-errors";
import { graphRouter } from "./graph-routes";
import { BodyTooLargeError, parseBody, readBody } from "../shared/http-io";
import { sendJson } from "./facebook-json";
import { splitGraphVersion, type RequestContext, type Router } from "../shared/http-router";
import type { OutgoingDeps } from "./page-outgoing";

export function createRequestHandler(
  deps: OutgoingDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const graph = graphRouter(deps);
  const control = controlRouter(deps);
  return (req, res) => {
    void handle(deps, graph, control, req, res).catch((error: unknown) => {
      // Only the path is logged: query strings and bodies may carry access tokens.
      console.error(
        `[meta-emulator] ${req.method ?? "?"} ${(req.url ?? "").split("?")[0] ?? ""} failed:`,
        error,
      );
      if (!res.headersSent) sendJson(res, 500, { error: { message: "Emulator internal error" } });
      else res.destroy();
    });
  };
}

async function handle(
  deps: OutgoingDeps,
  graph: Router,
  control: Router,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const isControl = url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/");
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: { message: error.message } });
    throw error;
  }
  const { version, path } = isControl
    ? { version: undefined, path: url.pathname }
    : splitGraphVersion(url.pathname);
  const ctx: RequestContext = {
    req,
    res,
    method: (req.method ?? "GET").toUpperCase(),
    path,
    version,
    query: url.searchParams,
    body: parseBody(rawBody, req.headers["content-type"]),
    rawBody,
    params: {},
  };
  if (isControl) return serveControl(control, ctx);
  return handleGraph(deps, graph, ctx);
}

async function handleGraph(deps: OutgoingDeps, router: Router, ctx: RequestContext): Promise<void> {
  try {
    // The login dialog is a web page for people; faults are about API calls.
    if (!ctx.path.startsWith("/dialog/")) {
      const fault = takeFault(deps.world, ctx);
      if (fault?.kind === "slow") await deps.scheduler.delay(fault.delayMs ?? 3000);
      const error = fault ? faultError(fault) : undefined;
      if (error) throw error;
    }
    const match = router.match(ctx.method, ctx.path);
    if (!match) throw graphErrors.unknownPath(ctx.path);
    if ("methodNotAllowed" in match)
      throw graphErrors.unsupportedMethod(ctx.method, ctx.path.split("/")[1] ?? "");
    ctx.params = match.params;
    await match.handler(ctx);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    sendJson(ctx.res, error.httpStatus, error.toBody());
  }
}
