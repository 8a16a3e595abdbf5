// Rule management and reassignment are admin actions. Route handlers check the role first; the
// domain functions check again so a caller that forgets (a job, the wizard) cannot skip it.
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";

export function assertAdmin(user: SessionUser): void {
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin of the workspace can do this.");
}
