// How one of the user's Facebook pages appears in the wizard: its connection state here and whether
// this user may connect it. Pure, so the rules are tested without Facebook or a database.
import { isConnectedByOther, ownerView, type ChannelOwnerView, type ExistingChannel, type Viewer } from "@/lib/channels/existing-connection";
import type { ChannelStatus } from "@/lib/generated/prisma/enums";

/** Only a page admin (the MANAGE task) may connect a page. */
export function isPageAdmin(tasks: readonly string[]): boolean {
  return tasks.includes("MANAGE");
}

export type PageState = "not_connected" | ChannelStatus;
export type PageBlock = "not_admin" | "taken" | "connected_by_other";

export interface PageChoice {
  id: string;
  name: string;
  category: string | null;
  pictureUrl: string | null;
  state: PageState;
  /** Why "Kết nối fanpage này" is disabled; null when the user may connect (or reconnect) it. */
  blockedBy: PageBlock | null;
  /** Our channel for the page in this workspace, if any. */
  channelId: string | null;
  /** Who connected it here and how it is shared, while it is connected in this workspace. */
  owner: ChannelOwnerView | null;
}

export function describePageChoice(
  page: { id: string; name: string; category: string | null; pictureUrl: string | null; tasks: readonly string[] },
  channel: ExistingChannel | undefined,
  viewer: Viewer,
): PageChoice {
  const ours = channel?.workspaceId === viewer.workspaceId ? channel : undefined;
  const state: PageState = ours?.status ?? "not_connected";
  let blockedBy: PageBlock | null = null;
  if (channel && !ours) blockedBy = "taken";
  else if (!isPageAdmin(page.tasks)) blockedBy = "not_admin";
  else if (isConnectedByOther(viewer, ours)) blockedBy = "connected_by_other";
  return {
    id: page.id,
    name: page.name,
    category: page.category,
    pictureUrl: page.pictureUrl,
    state,
    blockedBy,
    channelId: ours?.id ?? null,
    owner: ours && ours.status !== "disconnected" ? ownerView(ours) : null,
  };
}
