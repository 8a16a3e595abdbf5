// Wraps a route handler: a malformed id in the address → 400 before the handler runs, AppError →
// its status with a safe body, zod errors → 400 with field errors, anything else → logged with
// context and answered with a generic 500 (no stack trace).
import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import { AppError } from "@/lib/errors";
import { assertWellFormedRouteIds } from "@/lib/http/id-schema";
import { logger } from "@/lib/logger";

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
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, params: error.params, fieldErrors: error.fieldErrors } },
      { status: error.status },
    );
  }
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return NextResponse.json(
      { error: { code: "invalid_input", message: "The request is invalid.", params: {}, fieldErrors } },
      { status: 400 },
    );
  }
  logger.error("Unhandled error in route", { url: request?.url, method: request?.method, error });
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side.", params: {} } },
    { status: 500 },
  );
}

/** Reads a JSON body and validates it; a body that is not JSON is a 400, not a crash. */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}
