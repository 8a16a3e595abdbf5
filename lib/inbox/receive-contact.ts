// The contact and conversation an incoming event belongs to: the profile is read from the platform
// before the transaction (only when missing or stale), then both rows are found or created inside it.
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { fetchProfile, type CustomerProfile } from "@/lib/channels/facebook/fetch-profile";
import { routeNewConversation } from "@/lib/assignment/route-new-conversation";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";

/** Names and pictures change, and Facebook's picture URLs expire: refresh them weekly. */
const PROFILE_STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed read, wait before asking again, so one broken profile does not slow every event. */
const PROFILE_RETRY_MS = 10 * 60 * 1000;
const MAX_REMEMBERED_FAILURES = 10_000;

const failedUntil = new Map<string, number>();

/** The customer's profile if this contact has none or an old one; null when not needed or unavailable. */
export async function loadProfileIfStale(channel: ReceivingChannel, platformUserId: string): Promise<CustomerProfile | null> {
  if (channel.platform !== "facebook") return null;
  const contact = await db().contact.findUnique({
    where: { channelId_platformUserId: { channelId: channel.id, platformUserId } },
    select: { profileFetchedAt: true },
  });
  const now = Date.now();
  if (contact?.profileFetchedAt && now - contact.profileFetchedAt.getTime() < PROFILE_STALE_MS) return null;
  const key = `${channel.id}:${platformUserId}`;
  if ((failedUntil.get(key) ?? 0) > now) return null;
  try {
    const profile = await fetchProfile(channel, platformUserId);
    failedUntil.delete(key);
    return profile;
  } catch (error) {
    if (failedUntil.size >= MAX_REMEMBERED_FAILURES) failedUntil.clear();
    failedUntil.set(key, now + PROFILE_RETRY_MS);
    logger.warn("Could not read a customer profile; the contact keeps its current name", {
      channelId: channel.id,
      error,
    });
    return null;
  }
}

export async function upsertContact(
  tx: Tx,
  channelId: string,
  platformUserId: string,
  profile: CustomerProfile | null,
): Promise<string> {
  const data = profile ? { name: profile.name, avatarUrl: profile.avatarUrl, profileFetchedAt: new Date() } : {};
  const contact = await tx.contact.upsert({
    where: { channelId_platformUserId: { channelId, platformUserId } },
    create: { channelId, platformUserId, ...data },
    update: data,
    select: { id: true },
  });
  return contact.id;
}

/**
 * The conversation of this contact on this channel, created (and routed) when it is the first.
 * INSERT … ON CONFLICT DO NOTHING: when another transaction creates the same conversation at the
 * same moment, ours waits for it, inserts nothing, and reads the winner's row.
 */
export async function ensureConversation(
  tx: Tx,
  channel: ReceivingChannel,
  contactId: string,
  at: Date,
): Promise<{ id: string; created: boolean }> {
  const where = { channelId_contactId: { channelId: channel.id, contactId } };
  const existing = await tx.conversation.findUnique({ where, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const [created] = await tx.conversation.createManyAndReturn({
    data: [{ workspaceId: channel.workspaceId, channelId: channel.id, contactId, lastMessageAt: at }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) {
    await routeNewConversation(tx, created.id);
    return { id: created.id, created: true };
  }
  const winner = await tx.conversation.findUniqueOrThrow({ where, select: { id: true } });
  return { id: winner.id, created: false };
}
