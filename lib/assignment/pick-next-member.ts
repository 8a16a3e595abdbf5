// Chooses who receives the next conversation of a distributing rule, from the rule's options:
// - only members who can take more: active, "Sẵn sàng nhận chat" when the rule asks for it, and
//   under the rule's cap of open conversations;
// - "Chia xoay vòng": the next of those in rotation after the cursor;
// - "Chia cho người ít việc nhất": those with the fewest open conversations, ties in rotation.
// Pure, like pickRoundRobinMember which it builds on; the caller holds the rule's row lock, so the
// open counts it passes cannot change until the pick is written.
import { pickRoundRobinMember, type RotationPick } from "@/lib/assignment/pick-round-robin-member";

export interface CandidateMember {
  userId: string;
  position: number;
  active: boolean;
  available: boolean;
  /** Conversations of this rule the member holds open (assigned, not closed). */
  openCount: number;
}

export interface DistributionOptions {
  method: "round_robin" | "least_loaded";
  onlyAvailable: boolean;
  /** Null: no cap. */
  maxOpenPerAgent: number | null;
}

/** Whether the member may be given one more conversation under the rule's options. */
export function canTakeMore(member: CandidateMember, options: Omit<DistributionOptions, "method">): boolean {
  if (!member.active) return false;
  if (options.onlyAvailable && !member.available) return false;
  return options.maxOpenPerAgent === null || member.openCount < options.maxOpenPerAgent;
}

export function pickNextMember(members: readonly CandidateMember[], cursor: number, options: DistributionOptions): RotationPick | null {
  let eligible = members.filter((member) => canTakeMore(member, options));
  if (options.method === "least_loaded" && eligible.length > 0) {
    const fewest = Math.min(...eligible.map((member) => member.openCount));
    eligible = eligible.filter((member) => member.openCount === fewest);
  }
  return pickRoundRobinMember(eligible, cursor);
}
