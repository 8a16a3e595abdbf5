// The lasting part of a world as plain JSON (people, pages, roles, customers, threads, grants, tokens,
// subscriptions and the id counters), so an emulator can be stopped and started again where it was.
// Short-lived state (dialogs, codes, armed faults, delivery and send logs) starts empty instead.
import { z } from "zod";
import { IdGenerator } from "./ids";
import type { World } from "./world";
import type { AccessToken, Customer, FacebookUser, Grant, Page, PageRole, Subscription, Thread } from "./world-types";

const SNAPSHOT_VERSION = 1;

export interface WorldSnapshot {
  version: typeof SNAPSHOT_VERSION;
  ids: Record<string, number>;
  users: FacebookUser[];
  pages: Page[];
  roles: PageRole[];
  customers: Customer[];
  threads: Thread[];
  grants: [string, Grant][];
  tokens: [string, AccessToken][];
  pageTokenCache: [string, string][];
  subscriptions: [string, Subscription][];
}

/**
 * Only the envelope is checked: the emulator wrote the contents itself. A snapshot of another version
 * (or none) is refused and the emulator starts from its seed.
 */
const snapshotEnvelope = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  ids: z.record(z.string(), z.number()),
  users: z.array(z.unknown()),
  pages: z.array(z.unknown()),
  roles: z.array(z.unknown()),
  customers: z.array(z.unknown()),
  threads: z.array(z.unknown()),
  grants: z.array(z.tuple([z.string(), z.unknown()])),
  tokens: z.array(z.tuple([z.string(), z.unknown()])),
  pageTokenCache: z.array(z.tuple([z.string(), z.string()])),
  subscriptions: z.array(z.tuple([z.string(), z.unknown()])),
});

export function snapshotWorld(world: World): WorldSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    ids: world.ids.counts(),
    users: world.users,
    pages: world.pages,
    roles: world.roles,
    customers: world.customers,
    threads: world.threads,
    grants: [...world.grants],
    tokens: [...world.tokens],
    pageTokenCache: [...world.pageTokenCache],
    subscriptions: [...world.subscriptions],
  };
}

/** Puts a saved world in place of the current one; false (and nothing changed) when `saved` is not a snapshot. */
export function restoreWorld(world: World, saved: unknown): boolean {
  if (!snapshotEnvelope.safeParse(saved).success) return false;
  const snapshot = saved as WorldSnapshot;
  // Work scheduled for the world being replaced (receipts, retries) must see that it is stale.
  world.generation++;
  world.ids = new IdGenerator(snapshot.ids);
  world.users = snapshot.users;
  world.pages = snapshot.pages;
  world.roles = snapshot.roles;
  world.customers = snapshot.customers;
  world.threads = snapshot.threads;
  world.grants = new Map(snapshot.grants);
  world.tokens = new Map(snapshot.tokens);
  world.pageTokenCache = new Map(snapshot.pageTokenCache);
  world.subscriptions = new Map(snapshot.subscriptions);
  world.codes.clear();
  world.dialogs.clear();
  world.indexMessages();
  return true;
}
