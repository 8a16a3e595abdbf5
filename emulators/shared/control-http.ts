// Plumbing shared by the control APIs: dispatching a request (same-origin writes only, JSON errors),
// zod parsing into clear 400s, and 404s.
import type { z } from "zod";
import { sendPlainJson } from "./http-io";
import type { RequestContext, Router } from "./http-router";
import { isCrossOriginWrite } from "./same-origin-write";

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export function parseControl<T extends z.ZodType>(schema: T, ctx: RequestContext): z.infer<T> {
  if (ctx.body.__invalidJson === true) throw new ControlError(400, "Body is not valid JSON");
  const result = schema.safeParse(ctx.body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: i.message,
  }));
  throw new ControlError(
    400,
    `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    issues,
  );
}

export function notFound(what: string): ControlError {
  return new ControlError(404, `${what} not found`);
}

/** Control calls wait for the webhook outcome unless `?wait=false` (the customer page does not wait). */
export function shouldWait(ctx: RequestContext): boolean {
  return ctx.query.get("wait") !== "false";
}

/** Runs the control route for `ctx`, answering refusals and ControlErrors as JSON `{error:{message}}`. */
export async function serveControl(router: Router, ctx: RequestContext): Promise<void> {
  if (isCrossOriginWrite(ctx.req))
    return sendPlainJson(ctx.res, 403, {
      error: { message: "Cross-origin write to the control API refused" },
    });
  const match = router.match(ctx.method, ctx.path);
  if (!match)
    return sendPlainJson(ctx.res, 404, { error: { message: `No control route ${ctx.method} ${ctx.path}` } });
  if ("methodNotAllowed" in match)
    return sendPlainJson(ctx.res, 405, { error: { message: `${ctx.method} not allowed on ${ctx.path}` } });
  try {
    ctx.params = match.params;
    await match.handler(ctx);
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendPlainJson(ctx.res, error.status, {
      error: { message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
    });
  }
}
