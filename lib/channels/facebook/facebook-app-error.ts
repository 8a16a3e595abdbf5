// Turns a Graph failure into an AppError the wizard can show: a reason the UI translates
// (channels.errors.<reason>), never Facebook's raw text or a stack trace.
import { AppError } from "@/lib/errors";
import { runPlatformStep } from "@/lib/channels/platform-step";
import { GraphError } from "@/lib/channels/facebook/graph-client";

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);

export function facebookAppError(error: GraphError): AppError {
  if (error.code === 190) {
    return new AppError("conflict", "The Facebook session has expired or was revoked; sign in with Facebook again.", {
      reason: "facebook_token_invalid",
    });
  }
  if (error.code === 10 || (error.code >= 200 && error.code <= 299)) {
    return new AppError("forbidden", "Facebook refused: a permission or a page role is missing.", { reason: "facebook_permission" });
  }
  if (RATE_LIMIT_CODES.has(error.code)) {
    return new AppError("rate_limited", "Facebook asks us to slow down; try again in a few minutes.", { reason: "facebook_rate_limited" });
  }
  return new AppError("upstream_error", "Facebook could not complete the request; try again later.", { reason: "facebook_unavailable" });
}

/** Runs a Graph-calling step and reports its failure as an AppError; other errors pass through. */
export function asFacebookStep<T>(step: () => Promise<T>): Promise<T> {
  return runPlatformStep(step, GraphError, facebookAppError);
}
