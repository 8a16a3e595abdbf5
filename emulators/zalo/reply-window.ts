// Who an OA may still message, and at what price: 8 free replies within 48 h of the user's last
// message (reset when the user writes), then quota-paid messages while the OA has quota, and
// nothing after 7 days without interaction.
import type { OaUser, OfficialAccount } from "./world-types";
import { zaloErrors } from "./zalo-errors";

const HOUR = 3_600_000;
const FREE_REPLY_WINDOW_MS = 48 * HOUR;
const FREE_REPLIES = 8;
const INTERACTION_WINDOW_MS = 7 * 24 * HOUR;

/** The user's latest interaction: a message, or following the OA. */
export function lastInteractionAt(user: OaUser): number | undefined {
  const times = [user.lastUserMessageAt, user.followedAt].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** Whether the next OA message to this user is free; throws the error Zalo answers when it may not be sent. */
export function checkReply(oa: OfficialAccount, user: OaUser, now: number): { quotaPaid: boolean } {
  const interaction = lastInteractionAt(user);
  if (interaction === undefined || now - interaction > INTERACTION_WINDOW_MS)
    throw user.following ? zaloErrors.outsideWindow() : zaloErrors.notFollower();
  const free =
    user.lastUserMessageAt !== undefined &&
    now - user.lastUserMessageAt <= FREE_REPLY_WINDOW_MS &&
    user.repliesSinceUserMessage < FREE_REPLIES;
  if (!free && oa.paidQuota <= 0) throw zaloErrors.outOfQuota();
  return { quotaPaid: !free };
}

/** Counts a sent OA message against the window (and the OA's quota when it was not free). */
export function chargeReply(oa: OfficialAccount, user: OaUser, charge: { quotaPaid: boolean }): void {
  user.repliesSinceUserMessage++;
  if (charge.quotaPaid) oa.paidQuota--;
}
