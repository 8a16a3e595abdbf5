// What every Open API handler needs: the OA behind the `access_token` header, the JSON of the
// `data` query parameter, and Zalo's success envelope.
import type { z } from "zod";
import { sendPlainJson } from "../shared/http-io";
import type { RequestContext } from "../shared/http-router";
import { oaOfAccessToken } from "./tokens";
import type { ZaloWorld } from "./world";
import type { OfficialAccount } from "./world-types";
import { zaloErrors } from "./zalo-errors";

/** Zalo reads the token from the `access_token` header; older v2 clients put it in the query. */
export function accessTokenOf(ctx: RequestContext): string | undefined {
  const header = ctx.req.headers.access_token;
  return (Array.isArray(header) ? header[0] : header) ?? ctx.query.get("access_token") ?? undefined;
}

export function authenticate(world: ZaloWorld, ctx: RequestContext): OfficialAccount {
  const oa = world.oa(oaOfAccessToken(world, accessTokenOf(ctx)));
  if (!oa) throw zaloErrors.invalidToken();
  return oa;
}

/** GET endpoints take their parameters as JSON in `?data=`. */
export function dataParam<T extends z.ZodType>(ctx: RequestContext, schema: T): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.query.get("data") ?? "");
  } catch {
    throw zaloErrors.invalidParam("data must be a JSON object");
  }
  return parsedOrError(schema, parsed, "data");
}

export function parsedOrError<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw zaloErrors.invalidParam(
    `${[what, ...(issue?.path.map(String) ?? [])].join(".")}: ${issue?.message ?? "invalid"}`,
  );
}

export function sendSuccess(ctx: RequestContext, data: unknown): void {
  sendPlainJson(ctx.res, 200, { data, error: 0, message: "Success" });
}
