// The status and body of an error answer, for what a route handler threw: AppError → its status with
// a safe body, zod errors → 400 with field errors, anything else → logged with context and answered
// with a generic 500 (no stack trace). Shared by jsonRoute and the routes served before Next.js, so
// this module must not load Next.js (its server modules need the runtime Next sets up first).
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface ErrorAnswer {
  status: number;
  body: { error: { code: string; message: string; params: Record<string, string | number>; fieldErrors?: Record<string, string[]> } };
}

export function errorAnswer(error: unknown, request?: { url?: string; method?: string }): ErrorAnswer {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, params: error.params, fieldErrors: error.fieldErrors } } };
  }
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { status: 400, body: { error: { code: "invalid_input", message: "The request is invalid.", params: {}, fieldErrors } } };
  }
  logger.error("Unhandled error in route", { url: request?.url, method: request?.method, error });
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side.", params: {} } } };
}
