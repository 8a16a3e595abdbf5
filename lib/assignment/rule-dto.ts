// The shape of an assignment rule sent to the browser (settings list, form, wizard), and the Prisma
// selection that produces it.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { AssignmentMethod, OldConversationPolicy } from "@/lib/assignment/rule-schemas";

export interface RuleDto {
  id: string;
  name: string;
  method: AssignmentMethod;
  oldConversationPolicy: OldConversationPolicy;
  onlyAvailable: boolean;
  maxOpenPerAgent: number | null;
  reassignAfterMinutes: number | null;
  sources: { id: string; name: string; platform: Platform; status: "connected" | "needs_reconnect" | "disconnected" }[];
  members: { id: string; name: string; email: string; active: boolean }[];
  /** Open conversations of the rule that nobody looks after (parked orphans and old ones). */
  unassignedCount: number;
  /** Conversations waiting in the rule's "Chờ nhận" queue. */
  awaitingClaimCount: number;
  updatedAt: string;
}

export const ruleDtoSelect = {
  id: true,
  name: true,
  method: true,
  oldConversationPolicy: true,
  onlyAvailable: true,
  maxOpenPerAgent: true,
  reassignAfterMinutes: true,
  updatedAt: true,
  sources: { select: { channel: { select: { id: true, name: true, platform: true, status: true } } }, orderBy: { channel: { name: "asc" } } },
  members: { select: { user: { select: { id: true, name: true, email: true, active: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.AssignmentRuleSelect;

type RuleRow = Prisma.AssignmentRuleGetPayload<{ select: typeof ruleDtoSelect }>;

export function toRuleDto(row: RuleRow, counts: { unassigned: number; awaitingClaim: number }): RuleDto {
  return {
    id: row.id,
    name: row.name,
    method: row.method,
    oldConversationPolicy: row.oldConversationPolicy,
    onlyAvailable: row.onlyAvailable,
    maxOpenPerAgent: row.maxOpenPerAgent,
    reassignAfterMinutes: row.reassignAfterMinutes,
    sources: row.sources.map((source) => source.channel),
    members: row.members.map((member) => member.user),
    unassignedCount: counts.unassigned,
    awaitingClaimCount: counts.awaitingClaim,
    updatedAt: row.updatedAt.toISOString(),
  };
}
