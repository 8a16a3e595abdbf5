// How an OA the admin authorised appears in the wizard: its connection state here and whether this
// admin may connect it. Pure.
import { isConnectedByOther, ownerView, type ChannelOwnerView, type ExistingChannel, type Viewer } from "@/lib/channels/existing-connection";
import type { ChannelStatus } from "@/lib/generated/prisma/enums";

export type OaState = "not_connected" | ChannelStatus;

export interface OaChoice {
  id: string;
  name: string;
  avatarUrl: string | null;
  state: OaState;
  /** Why "Kết nối OA này" is disabled: another workspace has it, or a colleague connected it here. Null when this user may (re)connect it. */
  blockedBy: "taken" | "connected_by_other" | null;
  /** Our channel for the OA in this workspace, if any. */
  channelId: string | null;
  /** False once the authorization's tokens went to the channel: connecting again needs a new grant. */
  connectable: boolean;
  /** Who connected it here and how it is shared, while it is connected in this workspace. */
  owner: ChannelOwnerView | null;
}

export function describeOaChoice(
  oa: { id: string; name: string; avatarUrl: string | null; connectable: boolean },
  channel: ExistingChannel | undefined,
  viewer: Viewer,
): OaChoice {
  const ours = channel?.workspaceId === viewer.workspaceId ? channel : undefined;
  return {
    ...oa,
    state: ours?.status ?? "not_connected",
    blockedBy: channel && !ours ? "taken" : isConnectedByOther(viewer, ours) ? "connected_by_other" : null,
    channelId: ours?.id ?? null,
    owner: ours && ours.status !== "disconnected" ? ownerView(ours) : null,
  };
}
