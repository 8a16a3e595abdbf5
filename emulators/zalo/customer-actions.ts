// What a Zalo user does (write, follow, unfollow, receive, read) and what the OA does from Zalo's own
// OA Chat, each followed by its webhook. The control API and the customer page both call these.
import { ControlError, notFound } from "../shared/control-http";
import { storeOaMessage, type ZaloDeps } from "./oa-outgoing";
import { chargeReply } from "./reply-window";
import type { Sending } from "./webhook-delivery";
import { followEvent, messageEvent, receivedEvent, seenEvent } from "./webhook-events";
import type { ZaloWorld } from "./world";
import type { Attachment, MessageType, OaUser, ZaloMessage } from "./world-types";

/** Who acts: a user the OA knows, or a new Zalo user (created with this name). */
export interface Actor {
  oaId: string;
  userId?: string;
  newUserName?: string;
}

export function actingUser(world: ZaloWorld, actor: Actor): OaUser {
  if (!world.oa(actor.oaId)) throw notFound(`OA ${actor.oaId}`);
  if (actor.userId) {
    const user = world.oaUser(actor.oaId, actor.userId);
    if (!user) throw notFound(`User ${actor.userId} of OA ${actor.oaId}`);
    return user;
  }
  if (!actor.newUserName) throw new ControlError(400, "Give userId or newUserName");
  return world.ensureOaUser(actor.oaId, world.addPerson(actor.newUserName).id);
}

/** An attachment as the control API describes it; payloads are built in Zalo's shapes. */
export interface AttachmentInput {
  type: Exclude<MessageType, "text">;
  url?: string;
  name?: string;
  size?: number;
  title?: string;
  description?: string;
  stickerId?: string;
  latitude?: number;
  longitude?: number;
}

export function attachmentOf(world: ZaloWorld, input: AttachmentInput): Attachment {
  const url = world.absolute(input.url ?? `/_emulator/zalo/media/${input.type}.svg`);
  switch (input.type) {
    case "image":
    case "gif":
      return { type: input.type, payload: { url, thumbnail: url } };
    case "video":
      return { type: "video", payload: { url, thumbnail: url, description: input.description ?? "" } };
    case "audio":
      return { type: "audio", payload: { url } };
    case "sticker":
      return { type: "sticker", payload: { id: input.stickerId ?? "9251", url } };
    case "file": {
      const name = input.name ?? "don-hang.pdf";
      return {
        type: "file",
        payload: { url, name, size: String(input.size ?? 52_431), type: name.split(".").pop() ?? "" },
      };
    }
    case "link":
      return {
        type: "link",
        payload: { url, title: input.title ?? url, description: input.description ?? "", thumbnail: url },
      };
    case "location":
      return {
        type: "location",
        payload: {
          coordinates: {
            latitude: String(input.latitude ?? 10.7769),
            longitude: String(input.longitude ?? 106.7009),
          },
        },
      };
  }
}

export interface UserMessageInput {
  text?: string;
  attachment?: AttachmentInput;
  quoteMsgId?: string;
}

/** The user writes: their window reopens (8 free replies within 48 h) and `user_send_<type>` goes out. */
export function userWrites(
  deps: ZaloDeps,
  user: OaUser,
  input: UserMessageInput,
): { message: ZaloMessage; sending: Sending } {
  const { world } = deps;
  if (input.text === undefined && !input.attachment) throw new ControlError(400, "Give text or attachment");
  const message = world.appendMessage({
    oaId: user.oaId,
    userId: user.userId,
    src: 1,
    time: world.now(),
    type: input.attachment?.type ?? "text",
    text: input.text,
    attachments: input.attachment ? [attachmentOf(world, input.attachment)] : [],
    quoteMsgId: input.quoteMsgId,
  });
  user.lastUserMessageAt = message.time;
  user.repliesSinceUserMessage = 0;
  return { message, sending: deps.webhooks.deliver(messageEvent(world, user, message)) };
}

export function setFollowing(deps: ZaloDeps, user: OaUser, following: boolean): Sending {
  user.following = following;
  if (following) user.followedAt = deps.world.now();
  return deps.webhooks.deliver(followEvent(deps.world, user, following ? "follow" : "unfollow"));
}

/** The OA's messages to this user that are not yet received (or seen), or exactly the ones named. */
function oaMessages(
  world: ZaloWorld,
  user: OaUser,
  msgIds: string[] | undefined,
  pending: (m: ZaloMessage) => boolean,
): ZaloMessage[] {
  const mine = world.conversation(user.oaId, user.userId).filter((m) => m.src === 0);
  if (!msgIds) return mine.filter(pending);
  return msgIds.map((id) => {
    const message = mine.find((m) => m.msgId === id);
    if (!message) throw notFound(`OA message ${id} in this conversation`);
    return message;
  });
}

/** The user's phone got the OA's messages: one `user_received_message` per message. */
export function userReceives(deps: ZaloDeps, user: OaUser, msgIds?: string[]): Sending[] {
  const now = deps.world.now();
  return oaMessages(deps.world, user, msgIds, (m) => m.receivedAt === undefined).map((message) => {
    message.receivedAt ??= now;
    return deps.webhooks.deliver(receivedEvent(deps.world, user, message.msgId));
  });
}

/** The user read the OA's messages: one `user_seen_message` with all their ids. */
export function userSees(deps: ZaloDeps, user: OaUser, msgIds?: string[]): Sending | undefined {
  const now = deps.world.now();
  const messages = oaMessages(deps.world, user, msgIds, (m) => m.seenAt === undefined);
  if (messages.length === 0) return undefined;
  for (const message of messages) {
    message.receivedAt ??= now;
    message.seenAt ??= now;
  }
  return deps.webhooks.deliver(
    seenEvent(
      deps.world,
      user,
      messages.map((m) => m.msgId),
    ),
  );
}

/**
 * Someone at the shop answers in Zalo's own OA Chat: not through the app, so the app learns of it
 * only from the `oa_send_*` echo. Zalo lets its own tool send even when the API would refuse.
 */
export function oaChatReply(
  deps: ZaloDeps,
  user: OaUser,
  text: string,
): { message: ZaloMessage; sending: Sending } {
  const oa = deps.world.oa(user.oaId);
  if (!oa) throw notFound(`OA ${user.oaId}`);
  chargeReply(oa, user, { quotaPaid: false });
  const message = storeOaMessage(deps.world, user, {
    type: "text",
    text,
    attachments: [],
    via: "oa_chat",
    quotaPaid: false,
  });
  return { message, sending: deps.webhooks.deliver(messageEvent(deps.world, user, message)) };
}
