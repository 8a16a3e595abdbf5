// History: /v2.0/oa/listrecentchat (the latest message of each conversation) and
// /v2.0/oa/conversation (one conversation), newest first, at most 10 per page.
import { z } from "zod";
import type { Router } from "../shared/http-router";
import type { ZaloDeps } from "./oa-outgoing";
import { authenticate, dataParam, sendSuccess } from "./open-api-request";
import type { ZaloWorld } from "./world";
import type { OfficialAccount, ZaloMessage } from "./world-types";
import { zaloErrors } from "./zalo-errors";

/** Larger pages are refused: one known client caps at 50, but 10 is what every source accepts. */
const MAX_HISTORY_COUNT = 10;

const page = {
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).default(5),
};
const recentSchema = z.object(page);
const conversationSchema = z.object({ user_id: z.string().min(1), ...page });

export function addHistoryRoutes(router: Router, { world }: ZaloDeps): void {
  router.on("GET", "/v2.0/oa/listrecentchat", (ctx) => {
    const oa = authenticate(world, ctx);
    const { offset, count } = checkedCount(dataParam(ctx, recentSchema));
    const latest = new Map<string, ZaloMessage>();
    for (const message of world.messages)
      if (message.oaId === oa.id && (latest.get(message.userId)?.time ?? -Infinity) <= message.time)
        latest.set(message.userId, message);
    const items = newestFirst([...latest.values()]).slice(offset, offset + count);
    sendSuccess(
      ctx,
      items.map((m) => historyItem(world, oa, m)),
    );
  });

  router.on("GET", "/v2.0/oa/conversation", (ctx) => {
    const oa = authenticate(world, ctx);
    const query = checkedCount(dataParam(ctx, conversationSchema));
    if (!world.oaUser(oa.id, query.user_id)) throw zaloErrors.unknownUser();
    const items = newestFirst(world.conversation(oa.id, query.user_id)).slice(
      query.offset,
      query.offset + query.count,
    );
    sendSuccess(
      ctx,
      items.map((m) => historyItem(world, oa, m)),
    );
  });
}

function checkedCount<T extends { count: number }>(query: T): T {
  if (query.count > MAX_HISTORY_COUNT)
    throw zaloErrors.invalidParam(`count must be at most ${MAX_HISTORY_COUNT}`);
  return query;
}

/** Newest first; equal times keep the later-stored message first, so pages never overlap. */
function newestFirst(messages: ZaloMessage[]): ZaloMessage[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => b.message.time - a.message.time || b.index - a.index)
    .map(({ message }) => message);
}

/** The history API names a photo "photo" and a voice note "voice", unlike the webhook events. */
const HISTORY_TYPES: Record<ZaloMessage["type"], string> = {
  text: "text",
  image: "photo",
  sticker: "sticker",
  gif: "gif",
  file: "file",
  link: "link",
  location: "location",
  audio: "voice",
  video: "video",
};

function historyItem(world: ZaloWorld, oa: OfficialAccount, message: ZaloMessage): Record<string, unknown> {
  const user = world.oaUser(oa.id, message.userId);
  const userName = user ? world.displayName(user) : "";
  const fromOa = message.src === 0;
  const oaSide = { id: oa.id, name: oa.name, avatar: world.avatarUrl(oa.id) };
  const userSide = { id: message.userId, name: userName, avatar: world.avatarUrl(message.userId) };
  const from = fromOa ? oaSide : userSide;
  const to = fromOa ? userSide : oaSide;
  const payload = message.attachments[0]?.payload ?? {};
  const location = payload.coordinates as { latitude?: string; longitude?: string } | undefined;
  return {
    src: message.src,
    time: message.time,
    type: HISTORY_TYPES[message.type],
    message: message.text ?? "",
    message_id: message.msgId,
    from_id: from.id,
    from_display_name: from.name,
    from_avatar: from.avatar,
    to_id: to.id,
    to_display_name: to.name,
    to_avatar: to.avatar,
    ...(typeof payload.url === "string" ? { url: payload.url } : {}),
    ...(typeof payload.thumbnail === "string" ? { thumb: payload.thumbnail } : {}),
    ...(location ? { location: JSON.stringify(location) } : {}),
  };
}
