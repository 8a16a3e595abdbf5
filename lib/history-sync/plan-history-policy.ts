// What "Xử lý hội thoại cũ" does with the conversations a history sync brought in, decided from the
// page's set-up when the sync ends. Pure, so the preview an admin confirms and the step that applies
// it count the same conversations:
// - an "only me" page: they go to the admin who connected it (no confirmation);
// - no rule, "do not distribute", or nothing the policy would share: they stay unassigned for admins;
// - "Chia hội thoại khả dựng" / "Chia tất cả hội thoại": shared by the rule's method once an admin
//   has seen how many and confirmed.
import { isInsideReplyWindow } from "@/lib/assignment/apply-old-conversation-policy";
import type { AssignmentMethod, ChatMode, OldConversationPolicy, Platform } from "@/lib/generated/prisma/enums";

export interface PolicyCandidate {
  id: string;
  platform: Platform;
  lastInboundAt: Date | null;
}

export interface PolicyInput {
  chatMode: ChatMode;
  owner: { id: string; active: boolean };
  rule: { id: string; method: AssignmentMethod; oldConversationPolicy: OldConversationPolicy } | null;
  candidates: readonly PolicyCandidate[];
  now: Date;
}

export type DistributePolicy = Exclude<OldConversationPolicy, "keep_unassigned">;

export type HistoryPolicyPlan =
  | { kind: "owner"; ownerId: string; conversationIds: string[] }
  /** Left unassigned; with a rule they join it (the admins' "Hội thoại cũ" view either way). */
  | { kind: "keep"; ruleId: string | null; conversationIds: string[] }
  | {
      kind: "confirm";
      ruleId: string;
      policy: DistributePolicy;
      method: AssignmentMethod;
      conversationIds: string[];
      /** How many the policy hands out: the number the admin is asked to confirm. */
      shareCount: number;
    };

export function shareableCount(
  policy: DistributePolicy,
  candidates: readonly PolicyCandidate[],
  now: Date,
): number {
  if (policy === "distribute_all") return candidates.length;
  return candidates.filter((candidate) => isInsideReplyWindow(candidate, now)).length;
}

export function planHistoryPolicy(input: PolicyInput): HistoryPolicyPlan {
  const conversationIds = input.candidates.map((candidate) => candidate.id);
  if (input.chatMode === "only_me") {
    // A deactivated owner cannot take them: they wait for admins, like the page's live conversations.
    return input.owner.active
      ? { kind: "owner", ownerId: input.owner.id, conversationIds }
      : { kind: "keep", ruleId: null, conversationIds };
  }
  const rule = input.rule;
  if (!rule || rule.oldConversationPolicy === "keep_unassigned")
    return { kind: "keep", ruleId: rule?.id ?? null, conversationIds };
  const shareCount = shareableCount(rule.oldConversationPolicy, input.candidates, input.now);
  if (shareCount === 0) return { kind: "keep", ruleId: rule.id, conversationIds };
  return {
    kind: "confirm",
    ruleId: rule.id,
    policy: rule.oldConversationPolicy,
    method: rule.method,
    conversationIds,
    shareCount,
  };
}
