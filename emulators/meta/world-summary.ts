// The world as the control API shows it: everything tests and the demo need, and never a token.
import { avatarPath } from "./graph-nodes";
import { lastActivity } from "./conversation-nodes";
import type { World } from "./world";
import type { EmulatorConfig, StoredMessage, Thread } from "./world-types";

export function worldSummary(world: World): Record<string, unknown> {
  const config: Partial<EmulatorConfig> = { ...world.config };
  delete config.appSecret;
  return {
    url: world.baseUrl,
    config,
    users: world.users.map((u) => ({
      ...u,
      pictureUrl: world.absolute(avatarPath(u.id)),
      roles: world
        .rolesOf(u.id)
        .map((r) => ({ pageId: r.pageId, pageName: world.page(r.pageId)?.name, tasks: r.tasks })),
      grant: world.grants.get(u.id) ?? null,
    })),
    pages: world.pages.map((p) => ({
      ...p,
      pictureUrl: world.absolute(avatarPath(p.id)),
      subscription: world.subscriptions.get(p.id) ?? null,
      customerCount: world.customers.filter((c) => c.pageId === p.id).length,
      threadCount: world.threads.filter((t) => t.pageId === p.id).length,
    })),
    customers: world.customers.map((c) => ({ ...c, profilePic: world.absolute(avatarPath(c.psid)) })),
    threads: world.threads.map((t) => threadSummary(t)),
    subscriptions: [...world.subscriptions.values()],
    sentMessages: world.sends,
    deliveries: {
      total: world.deliveries.length,
      pending: world.deliveries.filter((d) => d.state === "pending").length,
      delivered: world.deliveries.filter((d) => d.state === "delivered").length,
      failed: world.deliveries.filter((d) => d.state === "failed").length,
      skipped: world.deliveries.filter((d) => d.state === "skipped").length,
    },
    faults: world.faults,
  };
}

export function threadSummary(thread: Thread): Record<string, unknown> {
  return {
    id: thread.id,
    pageId: thread.pageId,
    psid: thread.psid,
    messageCount: thread.messages.length,
    lastCustomerMessageAt: thread.messages.filter((m) => m.direction === "in").at(-1)?.createdAt ?? null,
    updatedAt: lastActivity(thread),
  };
}

/** One thread in full, as the customer page shows it (with read and delivery state of page messages). */
export function threadDetail(world: World, thread: Thread): Record<string, unknown> {
  const message = (m: StoredMessage) => ({
    ...m,
    attachments: m.attachments.map((a) => ({ ...a, url: world.absolute(a.url) })),
    delivered: m.direction === "out" && m.createdAt <= thread.customerDeliveredWatermark,
    read: m.direction === "out" && m.createdAt <= thread.customerReadWatermark,
  });
  return {
    ...threadSummary(thread),
    customer: world.customer(thread.psid) ?? null,
    page: world.page(thread.pageId) ?? null,
    customerReadWatermark: thread.customerReadWatermark,
    customerDeliveredWatermark: thread.customerDeliveredWatermark,
    pageSeenWatermark: thread.pageSeenWatermark,
    messages: thread.messages.map(message),
  };
}
