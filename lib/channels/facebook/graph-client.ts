// Typed calls to Facebook's Graph API: the versioned base URL from env, zod-validated replies,
// Facebook's error shape parsed into GraphError, and a timeout on every call. Access tokens travel in
// the Authorization header, so they never sit in a URL we build, and no log line here mentions them.
import { z, type ZodType } from "zod";
import { env } from "@/lib/env";
import { fetchReply } from "@/lib/http/fetch-reply";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import { tokenProblemOf } from "@/lib/channels/facebook/token-problem-of";
import type { TokenProblem } from "@/lib/channels/token-problem";

/** Where a failure came from: Facebook's own error reply, or no usable reply at all. */
export type GraphFailure = "facebook" | "timeout" | "network" | "bad_reply";

export class GraphError extends ChannelApiError {
  constructor(
    /** HTTP status of Facebook's reply; 0 when there was none (timeout, network). */
    readonly status: number,
    /** Facebook's error code (190 invalid token, 10/200-299 permission, 4/17/32/613 throttling...). */
    readonly code: number,
    readonly subcode: number | undefined,
    message: string,
    readonly failure: GraphFailure = "facebook",
    /** Worth retrying later: throttling, Facebook's 5xx, timeouts, network errors. */
    readonly transient = false,
  ) {
    super(message);
    this.name = "GraphError";
  }

  /** Code 190: the token is expired, revoked, or the app was removed; only a new login fixes it. */
  get tokenProblem(): TokenProblem | null {
    return this.code === 190 ? tokenProblemOf(this) : null;
  }

  get unreadableReply(): boolean {
    return this.failure === "bad_reply";
  }

  get failureCause(): string {
    if (this.tokenProblem) return this.tokenProblem;
    if (this.failure !== "facebook") return this.failure;
    return this.subcode === undefined ? `graph_error_${this.code}` : `graph_error_${this.code}_${this.subcode}`;
  }

  logFields(): Record<string, unknown> {
    return { status: this.status, code: this.code, subcode: this.subcode, failure: this.failure, graphMessage: this.message };
  }
}

const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);
const DEFAULT_TIMEOUT_MS = 10_000;

const errorReplySchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/** `{"success": true}`, Facebook's answer to most writes. */
export const successSchema = z.object({ success: z.literal(true) });

export interface GraphRequest<T> {
  method?: "GET" | "POST" | "DELETE";
  /** Relative to the versioned base, e.g. "me/accounts" or `${pageId}/subscribed_apps`. */
  path: string;
  accessToken?: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as an application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  /** Sent as a JSON body (the Send API). */
  json?: unknown;
  schema: ZodType<T>;
  timeoutMs?: number;
}

export function graphUrl(path: string): string {
  const { META_GRAPH_URL, META_GRAPH_VERSION } = env();
  return `${META_GRAPH_URL.replace(/\/+$/, "")}/${META_GRAPH_VERSION}/${path.replace(/^\/+/, "")}`;
}

export async function graphRequest<T>(request: GraphRequest<T>): Promise<T> {
  const url = new URL(graphUrl(request.path));
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  let body: string | undefined;
  if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }

  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { status, text } = await fetchReply(url, { method: request.method ?? "GET", headers, body, timeoutMs }, (reason) =>
    reason === "timeout"
      ? new GraphError(0, 0, undefined, `Facebook did not answer within ${timeoutMs} ms`, "timeout", true)
      : new GraphError(0, 0, undefined, "Facebook could not be reached", "network", true),
  );
  return parseReply(status, text, request.schema);
}

function parseReply<T>(status: number, text: string, schema: ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GraphError(status, 0, undefined, `Facebook answered HTTP ${status} with a body that is not JSON`, "bad_reply", status >= 500);
  }
  const failure = errorReplySchema.safeParse(json);
  if (failure.success) {
    const { code, error_subcode: subcode, message, is_transient: flagged } = failure.data.error;
    throw new GraphError(status, code, subcode, message, "facebook", flagged === true || TRANSIENT_CODES.has(code) || status >= 500);
  }
  if (status < 200 || status >= 300) {
    throw new GraphError(status, 0, undefined, `Facebook answered HTTP ${status}`, "bad_reply", status >= 500);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join(".") || "(body)").join(", ");
    throw new GraphError(status, 0, undefined, `Facebook's reply has an unexpected shape at ${where}`, "bad_reply");
  }
  return parsed.data;
}
