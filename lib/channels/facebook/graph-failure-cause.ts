// A short, stable name for why a Graph call failed ("token_expired", "timeout", "graph_error_10"…),
// for logs that say what went wrong once per cause instead of repeating a stack trace per call.
import { GraphError, isInvalidTokenError } from "@/lib/channels/facebook/graph-client";
import { tokenProblemOf } from "@/lib/channels/token-problem";

export function graphFailureCause(error: unknown): string {
  if (isInvalidTokenError(error)) return tokenProblemOf(error);
  if (!(error instanceof GraphError)) return error instanceof Error ? error.name : "unknown";
  if (error.failure !== "facebook") return error.failure;
  return error.subcode === undefined ? `graph_error_${error.code}` : `graph_error_${error.code}_${error.subcode}`;
}
