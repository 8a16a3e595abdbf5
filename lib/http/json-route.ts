// Wraps a route handler: a malformed id in the address → 400 before the handler runs, AppError →
// its status with a safe body, zod errors → 400 with field errors, anything else → logged with
// context and answered with a generic 500 (no stack trace).
// readJson is the one way handlers read a JSON body: application/json only, capped, validated.
import { NextResponse } from "next/server";
import type { ZodType } from "zod";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/error-answer";
import { assertWellFormedRouteIds } from "@/lib/http/id-schema";
import { MAX_JSON_BODY_BYTES, isJsonContentType } from "@/lib/http/same-origin";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      await assertWellFormedRouteIds(context);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request?: Request): Response {
  const { status, body } = errorAnswer(error, request);
  return NextResponse.json(body, { status });
}

/**
 * Reads a JSON body and validates it. Only `application/json` is accepted (415 otherwise: a
 * cross-site form can send text/plain, never JSON), and at most MAX_JSON_BODY_BYTES are read (413)
 * before anything is parsed. A body that is not JSON is a 400, not a crash.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "The request body must be JSON (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = JSON.parse(await readCappedText(request));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

const tooLarge = () =>
  new AppError("payload_too_large", `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB.`, {
    maxBytes: MAX_JSON_BODY_BYTES,
  });

/** The body as text, stopping (413) as soon as it passes the cap, whatever Content-Length claims. */
async function readCappedText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
