// Turns a Zalo failure during the wizard into an AppError it can show: a reason the UI translates
// (channels.errors.<reason>), never Zalo's raw text or a stack trace.
import { AppError } from "@/lib/errors";
import { runPlatformStep } from "@/lib/channels/platform-step";
import { RATE_LIMIT_CODE, ZaloError } from "@/lib/channels/zalo/zalo-client";

export function zaloAppError(error: ZaloError): AppError {
  if (error.tokenProblem) {
    return new AppError("conflict", "Zalo no longer accepts this authorization; grant the OA's permission again.", { reason: "zalo_token_invalid" });
  }
  if (error.code === RATE_LIMIT_CODE) {
    return new AppError("rate_limited", "Zalo asks us to slow down; try again in a few minutes.", { reason: "zalo_rate_limited" });
  }
  if (error.failure === "zalo" && !error.transient) {
    return new AppError("forbidden", "Zalo refused the authorization (the code was used, expired or does not match).", { reason: "zalo_refused" });
  }
  return new AppError("upstream_error", "Zalo could not complete the request; try again later.", { reason: "zalo_unavailable" });
}

/** Runs a Zalo-calling step and reports its failure as an AppError; other errors pass through. */
export function asZaloStep<T>(step: () => Promise<T>): Promise<T> {
  return runPlatformStep(step, ZaloError, zaloAppError);
}
