// An OA's message to a user (sent through the API or typed in Zalo's OA Chat): stored in the
// conversation and echoed to the app as `oa_send_<type>`.
import type { Scheduler } from "../shared/scheduler";
import { takeFault } from "./faults";
import { messageEvent } from "./webhook-events";
import type { ZaloWebhookSender } from "./webhook-delivery";
import type { ZaloWorld } from "./world";
import type { Attachment, MessageType, OaUser, ZaloMessage } from "./world-types";

export interface ZaloDeps {
  world: ZaloWorld;
  webhooks: ZaloWebhookSender;
  scheduler: Scheduler;
}

export interface OutgoingFields {
  type: MessageType;
  text?: string;
  attachments: Attachment[];
  quoteMsgId?: string;
  via: "api" | "oa_chat";
  quotaPaid: boolean;
}

export function storeOaMessage(world: ZaloWorld, user: OaUser, fields: OutgoingFields): ZaloMessage {
  return world.appendMessage({ ...fields, oaId: user.oaId, userId: user.userId, src: 0, time: world.now() });
}

/** Resolves once the echo was delivered or given up. */
export async function echoNow(deps: ZaloDeps, user: OaUser, message: ZaloMessage): Promise<void> {
  await deps.webhooks.deliver(messageEvent(deps.world, user, message)).done;
}

/** The echo goes out after the HTTP answer, or before it when the config or an armed fault asks. */
export async function announceOutgoing(
  deps: ZaloDeps,
  user: OaUser,
  message: ZaloMessage,
  path: string,
): Promise<void> {
  const { world } = deps;
  if (world.config.echoBeforeAnswer || takeFault(world, path, user.oaId, ["echo_before_answer"]))
    return echoNow(deps, user, message);
  const generation = deps.world.generation;
  deps.scheduler.later(0, () =>
    deps.world.generation === generation ? echoNow(deps, user, message) : undefined,
  );
}
