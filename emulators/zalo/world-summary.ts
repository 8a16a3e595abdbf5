// GET /_emulator/world: what a person or a test wants to see at a glance (no tokens or secrets).
import { lastInteractionAt } from "./reply-window";
import type { ZaloWorld } from "./world";
import type { OaUser, ZaloMessage } from "./world-types";

export function userSummary(world: ZaloWorld, user: OaUser): Record<string, unknown> {
  const conversation = world.conversation(user.oaId, user.userId);
  return {
    userId: user.userId,
    userIdByApp: user.userIdByApp,
    name: world.displayName(user),
    avatar: world.avatarUrl(user.userId),
    following: user.following,
    lastUserMessageAt: user.lastUserMessageAt ?? null,
    lastInteractionAt: lastInteractionAt(user) ?? null,
    repliesSinceUserMessage: user.repliesSinceUserMessage,
    messages: conversation.length,
    lastMessage: conversation.at(-1)?.text ?? null,
  };
}

export function messageSummary(message: ZaloMessage): Record<string, unknown> {
  return {
    msgId: message.msgId,
    from: message.src === 0 ? "oa" : "user",
    time: message.time,
    type: message.type,
    text: message.text ?? null,
    attachments: message.attachments,
    quoteMsgId: message.quoteMsgId ?? null,
    via: message.via ?? null,
    quotaPaid: message.quotaPaid ?? false,
    receivedAt: message.receivedAt ?? null,
    seenAt: message.seenAt ?? null,
  };
}

export function worldSummary(world: ZaloWorld): Record<string, unknown> {
  return {
    now: world.now(),
    clockOffsetMs: world.clockOffsetMs,
    people: world.people.filter((p) => world.oas.some((oa) => oa.adminIds.includes(p.id))),
    oas: world.oas.map((oa) => ({
      ...oa,
      avatar: world.avatarUrl(oa.id),
      users: world.usersOf(oa.id).map((u) => userSummary(world, u)),
    })),
    faults: world.faults,
    deliveries: {
      total: world.deliveries.length,
      failed: world.deliveries.filter((d) => d.state === "failed").length,
      pending: world.deliveries.filter((d) => d.state === "pending").length,
    },
  };
}
