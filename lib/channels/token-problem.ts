// Why a token stopped working, as a reason code stored in Channel.statusReason and translated for
// admins (channels.statusReasons.<code>). Pure: derived from Facebook's error subcode.
import type { GraphError } from "@/lib/channels/facebook/graph-client";

export type TokenProblem = "token_expired" | "password_changed" | "app_removed" | "session_ended" | "token_invalid";

export function tokenProblemOf(error: Pick<GraphError, "subcode">): TokenProblem {
  switch (error.subcode) {
    case 463:
      return "token_expired";
    case 460:
      return "password_changed";
    case 458:
      return "app_removed";
    case 467:
      return "session_ended";
    default:
      return "token_invalid";
  }
}
