// How an OA the admin authorised appears in the wizard: its connection state here and whether this
// admin may connect it. Pure.
import type { ChannelStatus } from "@/lib/generated/prisma/enums";

export type OaState = "not_connected" | ChannelStatus;

export interface OaChoice {
  id: string;
  name: string;
  avatarUrl: string | null;
  state: OaState;
  /** Why "Kết nối OA này" is disabled: another workspace has it. Null when this admin may (re)connect it. */
  blockedBy: "taken" | null;
  /** Our channel for the OA in this workspace, if any. */
  channelId: string | null;
  /** False once the authorization's tokens went to the channel: connecting again needs a new grant. */
  connectable: boolean;
}

export interface KnownOaChannel {
  id: string;
  workspaceId: string;
  status: ChannelStatus;
}

export function describeOaChoice(
  oa: { id: string; name: string; avatarUrl: string | null; connectable: boolean },
  channel: KnownOaChannel | undefined,
  workspaceId: string,
): OaChoice {
  const ours = channel?.workspaceId === workspaceId ? channel : undefined;
  return {
    ...oa,
    state: ours?.status ?? "not_connected",
    blockedBy: channel && !ours ? "taken" : null,
    channelId: ours?.id ?? null,
  };
}
