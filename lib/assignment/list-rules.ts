// The workspace's assignment rules with their pages, members and how many conversations wait, for
// the settings list, the rule form and the wizard's "Thêm vào quy tắc đã có".
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { ruleDtoSelect, toRuleDto, type RuleDto } from "@/lib/assignment/rule-dto";

export async function listRules(admin: SessionUser): Promise<RuleDto[]> {
  assertAdmin(admin);
  return loadRules(admin.workspaceId);
}

export async function getRule(admin: SessionUser, ruleId: string): Promise<RuleDto> {
  assertAdmin(admin);
  const [rule] = await loadRules(admin.workspaceId, ruleId);
  if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
  return rule;
}

async function loadRules(workspaceId: string, ruleId?: string): Promise<RuleDto[]> {
  const rows = await db().assignmentRule.findMany({
    where: { workspaceId, ...(ruleId ? { id: ruleId } : {}) },
    select: ruleDtoSelect,
    orderBy: { name: "asc" },
  });
  if (rows.length === 0) return [];
  const counts = await db().conversation.groupBy({
    by: ["ruleId", "state"],
    where: { ruleId: { in: rows.map((row) => row.id) }, state: { in: ["unassigned", "awaiting_claim"] } },
    _count: { _all: true },
  });
  const count = (id: string, state: string) =>
    counts.find((entry) => entry.ruleId === id && entry.state === state)?._count._all ?? 0;
  return rows.map((row) => toRuleDto(row, { unassigned: count(row.id, "unassigned"), awaitingClaim: count(row.id, "awaiting_claim") }));
}
