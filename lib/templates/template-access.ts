// Who may change which template: shared ones are the admins', a personal one its owner's alone (an
// admin does not manage an agent's own templates, nor sees them). The refusals carry a reason the
// screen says in Vietnamese (templates.errors.*).
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";

/** The unique index's scope column: "shared", or the owner's id. */
export const SHARED_SCOPE = "shared";

export function scopeFor(user: SessionUser, shared: boolean): string {
  return shared ? SHARED_SCOPE : user.id;
}

/** The templates a user sees: the workspace's shared ones and their own. */
export function visibleTemplatesFor(user: SessionUser) {
  return { workspaceId: user.workspaceId, scope: { in: [SHARED_SCOPE, user.id] } };
}

export function assertMayManage(user: SessionUser, template: { ownerId: string | null }): void {
  if (template.ownerId === null) {
    if (user.role !== "admin") {
      throw new AppError("forbidden", "Only an admin can change the workspace's shared templates.", { reason: "shared_template_admin_only" });
    }
    return;
  }
  if (template.ownerId !== user.id) {
    throw new AppError("forbidden", "This is another staff member's own template.", { reason: "not_your_template" });
  }
}
