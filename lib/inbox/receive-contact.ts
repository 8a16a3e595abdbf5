// The contact and conversation an incoming event belongs to. Looked up before the transaction (with
// the profile read from the platform only when missing or stale); inside it, rows are created only
// when the lookup found none — the common case (a known customer) costs no write here.
import { db, type Tx } from "@/lib/db";
import type { CustomerProfile } from "@/lib/channels/channel-provider";
import { logProfileReadFailure } from "@/lib/channels/profile-read-log";
import { providerOf } from "@/lib/channels/registry";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";

/** Names and pictures change, and platforms' picture URLs expire: refresh them weekly. */
const PROFILE_STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed read, wait before asking again, so one broken profile does not slow every event. */
const PROFILE_RETRY_MS = 10 * 60 * 1000;
const MAX_REMEMBERED_FAILURES = 10_000;

const failedUntil = new Map<string, number>();

export interface ContactLookup {
  contactId: string | null;
  conversationId: string | null;
  /** A fresh profile to store, when the stored one was missing or stale and the platform answered. */
  profile: CustomerProfile | null;
}

/** What the database holds about a customer on a channel: nothing yet, or their contact and conversation. */
export interface StoredContact {
  contactId: string;
  conversationId: string | null;
  /** The stored profile was read from the platform within the last week. */
  profileIsFresh: boolean;
}

/** Profiles read at or after this moment are fresh; older ones (or none) are read again from the platform. */
export function freshProfileSince(now = Date.now()): Date {
  return new Date(now - PROFILE_STALE_MS);
}

export async function lookUpContact(channel: ReceivingChannel, platformUserId: string): Promise<ContactLookup> {
  const contact = await db().contact.findUnique({
    where: { channelId_platformUserId: { channelId: channel.id, platformUserId } },
    select: { id: true, profileFetchedAt: true, conversations: { select: { id: true }, take: 1 } },
  });
  const stored = contact && {
    contactId: contact.id,
    conversationId: contact.conversations[0]?.id ?? null,
    profileIsFresh: contact.profileFetchedAt !== null && contact.profileFetchedAt >= freshProfileSince(),
  };
  return completeLookup(channel, platformUserId, stored);
}

/** The lookup from what a query already found: the platform's profile is read when it is missing or stale. */
export async function completeLookup(channel: ReceivingChannel, platformUserId: string, stored: StoredContact | null): Promise<ContactLookup> {
  return {
    contactId: stored?.contactId ?? null,
    conversationId: stored?.conversationId ?? null,
    profile: stored?.profileIsFresh ? null : await readProfile(channel, platformUserId),
  };
}

/** The platform's profile, or null when the read failed. */
async function readProfile(channel: ReceivingChannel, platformUserId: string): Promise<CustomerProfile | null> {
  const key = `${channel.id}:${platformUserId}`;
  const now = Date.now();
  if ((failedUntil.get(key) ?? 0) > now) return null;
  try {
    const profile = await providerOf(channel.platform).profile.fetch(channel, platformUserId);
    failedUntil.delete(key);
    return profile;
  } catch (error) {
    if (failedUntil.size >= MAX_REMEMBERED_FAILURES) failedUntil.clear();
    failedUntil.set(key, now + PROFILE_RETRY_MS);
    logProfileReadFailure(channel.id, error);
    return null;
  }
}

/** The contact's id, creating the contact or storing its fresh profile when the lookup asks for it. */
async function ensureContact(tx: Tx, channelId: string, platformUserId: string, lookup: ContactLookup): Promise<string> {
  const where = { channelId_platformUserId: { channelId, platformUserId } };
  if (lookup.profile) {
    const data = { name: lookup.profile.name, avatarUrl: lookup.profile.avatarUrl, profileFetchedAt: new Date() };
    // With data to write, Prisma runs this as one INSERT … ON CONFLICT DO UPDATE.
    const contact = await tx.contact.upsert({ where, create: { channelId, platformUserId, ...data }, update: data, select: { id: true } });
    return contact.id;
  }
  if (lookup.contactId) return lookup.contactId;
  const [created] = await tx.contact.createManyAndReturn({ data: [{ channelId, platformUserId }], skipDuplicates: true, select: { id: true } });
  return created?.id ?? (await tx.contact.findUniqueOrThrow({ where, select: { id: true } })).id;
}

/**
 * The conversation of this contact on this channel, created when it is the first — not routed yet:
 * the caller routes it last in its transaction (see receive-message.ts).
 * INSERT … ON CONFLICT DO NOTHING: when another transaction creates the same conversation at the
 * same moment, ours waits for it, inserts nothing, and reads the winner's row.
 */
export async function ensureContactAndConversation(
  tx: Tx,
  channel: ReceivingChannel,
  platformUserId: string,
  lookup: ContactLookup,
  at: Date,
): Promise<{ id: string; created: boolean }> {
  const contactId = await ensureContact(tx, channel.id, platformUserId, lookup);
  if (lookup.conversationId && contactId === lookup.contactId) return { id: lookup.conversationId, created: false };
  const where = { channelId_contactId: { channelId: channel.id, contactId } };
  const [created] = await tx.conversation.createManyAndReturn({
    data: [{ workspaceId: channel.workspaceId, channelId: channel.id, contactId, lastMessageAt: at }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return { id: created.id, created: true };
  return { id: (await tx.conversation.findUniqueOrThrow({ where, select: { id: true } })).id, created: false };
}
