// Typed calls to Zalo's Open API and OAuth server: base URLs from env, zod-validated replies, Zalo's
// errors parsed into ZaloError (they arrive inside HTTP 200 bodies: {"error":-216,"message":…}), and a
// timeout on every call. Tokens travel in the `access_token` / `secret_key` headers, never in a URL,
// and no log line here mentions them. Facts: docs/platforms/zalo.md, "Calls and errors".
import { z, type ZodType } from "zod";
import { env } from "@/lib/env";
import { fetchReply } from "@/lib/http/fetch-reply";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import type { TokenProblem } from "@/lib/channels/token-problem";

/** Where a failure came from: Zalo's own error reply, or no usable reply at all. */
export type ZaloFailure = "zalo" | "timeout" | "network" | "bad_reply";

/**
 * -216: the access token is invalid (also seen as 216, 401 and -401); -220: it has expired. All mean
 * "refresh, then try again" (docs/platforms/zalo.md, "Open API calls").
 */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([-216, 216, -401, 401, -220]);
/** -32: the app or OA is over its rate limit. */
export const RATE_LIMIT_CODE = -32;

export class ZaloError extends ChannelApiError {
  constructor(
    /** HTTP status of Zalo's reply; 0 when there was none (timeout, network). */
    readonly status: number,
    /** Zalo's (negative) error code; 0 when Zalo gave none. */
    readonly code: number,
    message: string,
    readonly failure: ZaloFailure = "zalo",
  ) {
    super(message);
    this.name = "ZaloError";
  }

  get transient(): boolean {
    return this.failure === "timeout" || this.failure === "network" || this.code === RATE_LIMIT_CODE || this.status >= 500;
  }

  get tokenProblem(): TokenProblem | null {
    if (!TOKEN_ERROR_CODES.has(this.code)) return null;
    return this.code === -220 ? "token_expired" : "token_invalid";
  }

  get unreadableReply(): boolean {
    return this.failure === "bad_reply";
  }

  get failureCause(): string {
    if (this.tokenProblem) return this.tokenProblem;
    if (this.failure !== "zalo") return this.failure;
    return `zalo_error_${Math.abs(this.code)}`;
  }

  logFields(): Record<string, unknown> {
    return { status: this.status, code: this.code, failure: this.failure, zaloMessage: this.message };
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Zalo's error body; the OAuth server also answers `{error_name, error_reason}` beside the code. */
const errorReplySchema = z.object({
  error: z.number().int().refine((code) => code !== 0),
  message: z.string().optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
});

export type ZaloHost = "api" | "oauth";

export interface ZaloRequest<T> {
  host: ZaloHost;
  method?: "GET" | "POST";
  /** e.g. "/v3.0/oa/message/cs". */
  path: string;
  /** Headers Zalo reads credentials from (`access_token`, `secret_key`). */
  headers?: Record<string, string>;
  /** Zalo's GET parameters travel as one JSON value in `data`. */
  data?: unknown;
  form?: Record<string, string>;
  json?: unknown;
  multipart?: FormData;
  schema: ZodType<T>;
  timeoutMs?: number;
}

export function zaloUrl(host: ZaloHost, path: string): URL {
  const base = host === "api" ? env().ZALO_API_URL : env().ZALO_OAUTH_URL;
  return new URL(`${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
}

function requestBody(request: ZaloRequest<unknown>, headers: Record<string, string>): BodyInit | undefined {
  if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    return new URLSearchParams(request.form).toString();
  }
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    return JSON.stringify(request.json);
  }
  return request.multipart;
}

export async function zaloRequest<T>(request: ZaloRequest<T>): Promise<T> {
  const url = zaloUrl(request.host, request.path);
  if (request.data !== undefined) url.searchParams.set("data", JSON.stringify(request.data));
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  const body = requestBody(request, headers);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { status, text } = await fetchReply(url, { method: request.method ?? "GET", headers, body, timeoutMs }, (reason) =>
    reason === "timeout"
      ? new ZaloError(0, 0, `Zalo did not answer within ${timeoutMs} ms`, "timeout")
      : new ZaloError(0, 0, "Zalo could not be reached", "network"),
  );
  return parseReply(status, text, request.schema);
}

function parseReply<T>(status: number, text: string, schema: ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ZaloError(status, 0, `Zalo answered HTTP ${status} with a body that is not JSON`, "bad_reply");
  }
  const failure = errorReplySchema.safeParse(json);
  if (failure.success) {
    const { error, message, error_name: name, error_description: description } = failure.data;
    throw new ZaloError(status, error, message ?? description ?? name ?? `Zalo error ${error}`);
  }
  if (status < 200 || status >= 300) throw new ZaloError(status, 0, `Zalo answered HTTP ${status}`, "bad_reply");
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join(".") || "(body)").join(", ");
    throw new ZaloError(status, 0, `Zalo's reply has an unexpected shape at ${where}`, "bad_reply");
  }
  return parsed.data;
}

/** A call to the Open API with an OA's access token. */
export function oaRequest<T>(accessToken: string, request: Omit<ZaloRequest<T>, "host" | "headers">): Promise<T> {
  return zaloRequest({ ...request, host: "api", headers: { access_token: accessToken } });
}
