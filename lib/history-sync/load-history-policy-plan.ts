// Reads what the policy decision needs — the page's chat mode and owner, its rule, the synced
// conversations without a caretaker — and plans it (plan-history-policy.ts). Callers that act on the
// plan lock the rule first (lock order: rules → conversations), so nobody moves the page or hands
// out its conversations between the plan and its application.
import type { Tx } from "@/lib/db";
import { lockRule } from "@/lib/assignment/lock-rows";
import { findPolicyCandidates } from "@/lib/history-sync/find-policy-candidates";
import {
  planHistoryPolicy,
  type HistoryPolicyPlan,
  type PolicyInput,
} from "@/lib/history-sync/plan-history-policy";

type PlanRule = NonNullable<PolicyInput["rule"]> & { name: string };

export interface LoadedPlan {
  plan: HistoryPolicyPlan;
  rule: PlanRule | null;
}

const ruleSelect = { id: true, name: true, method: true, oldConversationPolicy: true } as const;

/** The page's rule, locked when `lock` (the caller is about to change its conversations). */
export async function findChannelRule(tx: Tx, channelId: string, lock: boolean): Promise<PlanRule | null> {
  // Read again after locking: an admin may have moved the page to another rule while we waited.
  for (let attempt = 0; attempt < 3; attempt++) {
    const source = await tx.ruleSource.findUnique({ where: { channelId }, select: { ruleId: true } });
    if (!source) return null;
    const rule = lock
      ? await lockRule(tx, source.ruleId)
      : await tx.assignmentRule.findUnique({ where: { id: source.ruleId }, select: ruleSelect });
    if (!lock && rule) return rule;
    const current = await tx.ruleSource.findUnique({ where: { channelId }, select: { ruleId: true } });
    if (rule && current?.ruleId === rule.id) return rule;
  }
  return null;
}

export async function loadHistoryPolicyPlan(
  tx: Tx,
  channelId: string,
  options: { lockRule: boolean; now: Date },
): Promise<LoadedPlan> {
  const rule = await findChannelRule(tx, channelId, options.lockRule);
  const channel = await tx.channel.findUniqueOrThrow({
    where: { id: channelId },
    select: { chatMode: true, connectedById: true, connectedBy: { select: { active: true } } },
  });
  const candidates = await findPolicyCandidates(tx, channelId);
  const plan = planHistoryPolicy({
    chatMode: channel.chatMode,
    owner: { id: channel.connectedById, active: channel.connectedBy.active },
    rule,
    candidates,
    now: options.now,
  });
  return { plan, rule };
}
