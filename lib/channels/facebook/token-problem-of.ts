// Which TokenProblem a Graph error 190 means, from its subcode (docs/platforms/facebook.md,
// "Access token errors"). Pure.
import type { TokenProblem } from "@/lib/channels/token-problem";

export function tokenProblemOf(error: { subcode: number | undefined }): TokenProblem {
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
