// Plumbing shared by the control API's routes: zod parsing into clear 400s, and 404s.
import type { z } from "zod";
import type { RequestContext } from "./http-router";

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
