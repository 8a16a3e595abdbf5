// Deletes an assignment rule. Its pages stay connected (shared, with no rule: new conversations wait
// unassigned for admins); its "Chờ nhận" queue is released to admins with an "orphaned" event;
// conversations members already handle keep their caretaker.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { lockRule } from "@/lib/assignment/lock-rows";
import { detachRuleSources } from "@/lib/assignment/detach-rule-sources";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";

export async function deleteRule(admin: SessionUser, ruleId: string): Promise<void> {
  assertAdmin(admin);
  const changes = await db().$transaction(
    async (tx) => {
      const rule = await lockRule(tx, ruleId);
      if (!rule || rule.workspaceId !== admin.workspaceId) throw new AppError("not_found", "No such rule in this workspace.");
      const released = await detachRuleSources(tx, { ruleId, reason: assignmentReasons.ruleDeleted, actorUserId: admin.id });
      await tx.assignmentRule.delete({ where: { id: ruleId } });
      return released;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  await publishAssignmentChanges(changes);
}
