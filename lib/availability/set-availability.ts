// "Sẵn sàng nhận chat" / "Tạm vắng", switched by the user in the user menu or by auto-away. Becoming
// available hands out what waited in the user's distributing rules for want of someone available;
// every tab of the user and the admins hear the change.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { handOutWaiting } from "@/lib/assignment/hand-out-waiting";
import { publishAvailability } from "@/lib/availability/publish-availability";

export type Availability = "available" | "away";

export async function setAvailability(user: Pick<SessionUser, "id" | "workspaceId">, availability: Availability): Promise<void> {
  const changed = await db().user.updateMany({
    where: { id: user.id, availability: { not: availability } },
    data: { availability, availabilityChangedAt: new Date() },
  });
  if (changed.count === 0) return;
  publishAvailability(user.workspaceId, user.id, availability);
  if (availability === "available") {
    const memberships = await db().ruleMember.findMany({ where: { userId: user.id }, select: { ruleId: true } });
    await handOutWaiting(memberships.map((membership) => membership.ruleId));
  }
}
