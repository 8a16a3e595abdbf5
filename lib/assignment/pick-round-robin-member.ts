// Chooses who receives the next round-robin conversation: the first active member after the cursor
// in rotation order, wrapping around. Pure, so the rotation is tested without a database; the
// caller holds the rule's row lock, which makes the pick + cursor update one step of a single queue.

export interface RotationMember {
  userId: string;
  /** RuleMember.position: the order of the rotation. */
  position: number;
  active: boolean;
}

export interface RotationPick {
  userId: string;
  /** The position to store as the rule's new cursor. */
  cursor: number;
}

export function pickRoundRobinMember(members: readonly RotationMember[], cursor: number): RotationPick | null {
  const eligible = members.filter((member) => member.active).toSorted((a, b) => a.position - b.position);
  const next = eligible.find((member) => member.position > cursor) ?? eligible[0];
  return next ? { userId: next.userId, cursor: next.position } : null;
}
