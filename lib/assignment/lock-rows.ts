// Row locks that keep assignment correct across concurrent transactions and server processes.
// Lock order: rules (by id) → rule memberships / users → conversations (by id). Deactivating a user
// updates the user row before locking that user's rules, so a transaction holding a rule lock must
// never lock user rows: round-robin reads members' active flags without locking them.
import type { Tx } from "@/lib/db";
import type { AssignmentMethod, OldConversationPolicy } from "@/lib/assignment/rule-schemas";

export interface LockedRule {
  id: string;
  workspaceId: string;
  name: string;
  method: AssignmentMethod;
  oldConversationPolicy: OldConversationPolicy;
  roundRobinCursor: number;
  onlyAvailable: boolean;
  maxOpenPerAgent: number | null;
  reassignAfterMinutes: number | null;
}

/**
 * Locks a rule's row until the transaction ends: every round-robin step, membership change and
 * policy run of that rule queues behind it. Null when the rule does not exist.
 */
export async function lockRule(tx: Tx, ruleId: string): Promise<LockedRule | null> {
  const rows = await tx.$queryRaw<LockedRule[]>`
    SELECT id, "workspaceId", name, method::text AS method,
           "oldConversationPolicy"::text AS "oldConversationPolicy", "roundRobinCursor",
           "onlyAvailable", "maxOpenPerAgent", "reassignAfterMinutes"
    FROM "AssignmentRule" WHERE id = ${ruleId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks several rules in id order (the global lock order). */
export async function lockRules(tx: Tx, ruleIds: Iterable<string>): Promise<LockedRule[]> {
  const locked: LockedRule[] = [];
  for (const ruleId of [...new Set(ruleIds)].sort()) {
    const rule = await lockRule(tx, ruleId);
    if (rule) locked.push(rule);
  }
  return locked;
}

/**
 * True when the user is an active member of the rule, and keeps it so until the transaction ends:
 * removing the member or deactivating the user waits, then sees what this transaction committed
 * (so a claim racing a removal is orphaned by the removal instead of slipping past it).
 */
export async function lockActiveRuleMember(tx: Tx, ruleId: string, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT m."userId" FROM "RuleMember" m JOIN "User" u ON u.id = m."userId"
    WHERE m."ruleId" = ${ruleId} AND m."userId" = ${userId} AND u.active
    FOR SHARE`;
  return rows.length === 1;
}

/** Like lockActiveRuleMember, for conversations outside any rule: an active user of the workspace. */
export async function lockActiveUser(tx: Tx, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id = ${userId} AND "workspaceId" = ${workspaceId} AND active FOR SHARE`;
  return rows.length === 1;
}

export interface LockedConversation {
  id: string;
  workspaceId: string;
  ruleId: string | null;
  assigneeId: string | null;
  state: "unassigned" | "awaiting_claim" | "assigned" | "closed";
}

/** Locks one conversation's row for a read-decide-write step (admin reassignment). */
export async function lockConversation(tx: Tx, conversationId: string): Promise<LockedConversation | null> {
  const rows = await tx.$queryRaw<LockedConversation[]>`
    SELECT id, "workspaceId", "ruleId", "assigneeId", state::text AS state
    FROM "Conversation" WHERE id = ${conversationId} FOR UPDATE`;
  return rows[0] ?? null;
}
