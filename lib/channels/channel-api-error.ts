// What the platform-neutral code needs to know about a failed platform call, whatever the platform:
// worth retrying later, the token is dead (and why), or the reply could not be read. Each platform's
// client throws its own subclass, which adds the platform's codes for its own classifier and logs.
import type { TokenProblem } from "@/lib/channels/token-problem";

export abstract class ChannelApiError extends Error {
  /** Throttling, the platform's own failures, timeouts, network errors. */
  abstract readonly transient: boolean;
  /** Set when only an admin's new login can make the channel work again. */
  abstract readonly tokenProblem: TokenProblem | null;
  /** The platform answered, but not with anything we could read. */
  abstract readonly unreadableReply: boolean;
  /** A short, stable name of the cause ("token_expired", "timeout", "graph_error_10"…) for logs. */
  abstract readonly failureCause: string;
  /** The platform's codes, for a log line (never a token). */
  abstract logFields(): Record<string, unknown>;
}

export function isTokenInvalid(error: unknown): error is ChannelApiError & { tokenProblem: TokenProblem } {
  return error instanceof ChannelApiError && error.tokenProblem !== null;
}

/** A short, stable name for why a platform call failed, for logs that say it once per cause. */
export function failureCauseOf(error: unknown): string {
  if (error instanceof ChannelApiError) return error.failureCause;
  return error instanceof Error ? error.name : "unknown";
}
