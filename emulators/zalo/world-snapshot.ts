// The lasting part of a Zalo world as plain JSON (people, OAs, users, messages, tokens, uploads, the
// clock and the id counters), so an emulator can stop and start again where it was. Short-lived
// state (codes, armed faults, delivery and refresh logs) starts empty instead.
import { z } from "zod";
import { ZaloIds } from "./ids";
import type { ZaloWorld } from "./world";

const SNAPSHOT_VERSION = 1;

const attachment = z.object({
  type: z.enum(["image", "sticker", "gif", "file", "link", "location", "audio", "video"]),
  payload: z.record(z.string(), z.unknown()),
});

/** The whole snapshot is checked: it comes back from a database the emulator does not own. */
const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  ids: z.record(z.string(), z.number()),
  clockOffsetMs: z.number(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string().optional(),
      address: z.string().optional(),
    }),
  ),
  oas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      adminIds: z.array(z.string()),
      paidQuota: z.number(),
    }),
  ),
  oaUsers: z.array(
    z.object({
      oaId: z.string(),
      personId: z.string(),
      userId: z.string(),
      userIdByApp: z.string(),
      following: z.boolean(),
      followedAt: z.number().optional(),
      lastUserMessageAt: z.number().optional(),
      repliesSinceUserMessage: z.number(),
    }),
  ),
  messages: z.array(
    z.object({
      msgId: z.string(),
      oaId: z.string(),
      userId: z.string(),
      src: z.union([z.literal(0), z.literal(1)]),
      time: z.number(),
      type: z.enum(["text", "image", "sticker", "gif", "file", "link", "location", "audio", "video"]),
      text: z.string().optional(),
      attachments: z.array(attachment),
      quoteMsgId: z.string().optional(),
      via: z.enum(["api", "oa_chat"]).optional(),
      quotaPaid: z.boolean().optional(),
      receivedAt: z.number().optional(),
      seenAt: z.number().optional(),
    }),
  ),
  accessTokens: z.array(z.tuple([z.string(), z.object({ oaId: z.string(), expiresAt: z.number() })])),
  refreshTokens: z.array(
    z.tuple([
      z.string(),
      z.object({
        oaId: z.string(),
        expiresAt: z.number(),
        usedAt: z.number().optional(),
        revoked: z.boolean(),
      }),
    ]),
  ),
  uploads: z.array(
    z.tuple([
      z.string(),
      z.object({
        id: z.string(),
        oaId: z.string(),
        kind: z.enum(["image", "file", "gif"]),
        name: z.string(),
        size: z.number(),
        mimeType: z.string(),
      }),
    ]),
  ),
});

export type ZaloWorldSnapshot = z.infer<typeof snapshotSchema>;

export function snapshotZaloWorld(world: ZaloWorld): ZaloWorldSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    ids: world.ids.counts(),
    clockOffsetMs: world.clockOffsetMs,
    people: world.people,
    oas: world.oas,
    oaUsers: world.oaUsers,
    messages: world.messages,
    accessTokens: [...world.accessTokens],
    refreshTokens: [...world.refreshTokens],
    uploads: [...world.uploads],
  };
}

/** Puts a saved world in place of the current one; false (and nothing changed) when `saved` is not a snapshot. */
export function restoreZaloWorld(world: ZaloWorld, saved: unknown): boolean {
  const parsed = snapshotSchema.safeParse(saved);
  if (!parsed.success) return false;
  const snapshot = parsed.data;
  // Work scheduled for the world being replaced (retries) must see that it is stale.
  world.generation++;
  world.ids = new ZaloIds(snapshot.ids);
  world.clockOffsetMs = snapshot.clockOffsetMs;
  world.people = snapshot.people;
  world.oas = snapshot.oas;
  world.oaUsers = snapshot.oaUsers;
  world.messages = snapshot.messages;
  world.accessTokens = new Map(snapshot.accessTokens);
  world.refreshTokens = new Map(snapshot.refreshTokens);
  world.uploads = new Map(snapshot.uploads);
  world.codes.clear();
  return true;
}
