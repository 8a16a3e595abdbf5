// The conversation side panel's "who holds it and how it got there": the caretaker, the rule, the
// assignment history newest first and, for admins and the agent in charge, who it may be handed to.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import type { AssignmentEventKind } from "@/lib/generated/prisma/enums";
import type { AssignmentMethod } from "@/lib/assignment/rule-schemas";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";

const HISTORY_LIMIT = 200;

interface Person {
  id: string;
  name: string;
}

export interface AssignmentHistory {
  assignee: Person | null;
  state: "unassigned" | "awaiting_claim" | "assigned" | "closed";
  rule: { id: string; name: string; method: AssignmentMethod } | null;
  /** Who an admin, or the agent in charge ("Chuyển cho…"), may hand the conversation to; empty for others. */
  candidates: Person[];
  events: {
    id: string;
    kind: AssignmentEventKind;
    /** A transfer's note for its receiver. */
    note: string | null;
    reason: string;
    from: Person | null;
    to: Person | null;
    actor: Person | null;
    createdAt: string;
  }[];
}

export async function listAssignmentHistory(user: SessionUser, conversationId: string): Promise<AssignmentHistory> {
  await findVisibleConversation(db(), user, conversationId);
  const [conversation, events] = await Promise.all([
    db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      select: { state: true, assignee: { select: { id: true, name: true } }, rule: { select: { id: true, name: true, method: true } } },
    }),
    db().assignmentEvent.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
    }),
  ]);

  const personIds = new Set(events.flatMap((event) => [event.fromUserId, event.toUserId, event.actorUserId]).filter((id) => id !== null));
  const people = await db().user.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const person = (id: string | null) => (id ? (byId.get(id) ?? null) : null);

  return {
    assignee: conversation.assignee,
    state: conversation.state,
    rule: conversation.rule,
    candidates:
      user.role === "admin" || conversation.assignee?.id === user.id ? await listCandidates(user.workspaceId, conversation.rule?.id ?? null) : [],
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      reason: event.reason,
      note: event.note,
      from: person(event.fromUserId),
      to: person(event.toUserId),
      actor: person(event.actorUserId),
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

/** The same people reassignConversation accepts: active rule members, or active accounts outside rules. */
function listCandidates(workspaceId: string, ruleId: string | null): Promise<Person[]> {
  return db().user.findMany({
    where: { workspaceId, active: true, ...(ruleId ? { ruleMemberships: { some: { ruleId } } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
