// A page or OA the wizard lists may already be connected: by another workspace (nobody here may take
// it), or in this one by someone else. A page is connected once per workspace, so when a second
// person who administers it tries, they are shown who connected it and how it is shared; admins may
// still reconnect any page of the workspace (it keeps its owner). Pure apart from the select.
import { AppError } from "@/lib/errors";
import type { ChannelStatus, ChatMode } from "@/lib/generated/prisma/enums";

/** What the wizards read about a platform account's channel, wherever it lives. */
export const existingChannelSelect = {
  id: true,
  externalId: true,
  workspaceId: true,
  status: true,
  chatMode: true,
  connectedBy: { select: { id: true, name: true } },
  ruleSource: { select: { rule: { select: { name: true } } } },
} as const;

export interface ExistingChannel {
  id: string;
  workspaceId: string;
  status: ChannelStatus;
  chatMode: ChatMode;
  connectedBy: { id: string; name: string };
  ruleSource: { rule: { name: string } } | null;
}

/** Who connected a channel of this workspace and how it is shared, as the wizard shows it. */
export interface ChannelOwnerView {
  name: string;
  chatMode: ChatMode;
  ruleName: string | null;
}

export interface Viewer {
  id: string;
  workspaceId: string;
  role: "admin" | "agent";
}

export function ownerView(channel: ExistingChannel): ChannelOwnerView {
  return { name: channel.connectedBy.name, chatMode: channel.chatMode, ruleName: channel.ruleSource?.rule.name ?? null };
}

/** A live channel of this workspace that someone else connected, which this staff member may not touch. */
export function isConnectedByOther(viewer: Viewer, channel: ExistingChannel | undefined | null): channel is ExistingChannel {
  return (
    !!channel &&
    channel.workspaceId === viewer.workspaceId &&
    channel.status !== "disconnected" &&
    viewer.role !== "admin" &&
    channel.connectedBy.id !== viewer.id
  );
}

export function assertNotConnectedByOther(viewer: Viewer, channel: ExistingChannel | null): void {
  if (isConnectedByOther(viewer, channel)) throw connectedByOther(channel);
}

export function connectedByOther(channel: ExistingChannel): AppError {
  const owner = ownerView(channel);
  return new AppError("conflict", `${owner.name} already connected this page in your workspace.`, {
    reason: "connected_by_other",
    name: owner.name,
    chatMode: owner.chatMode,
    rule: owner.ruleName ?? "",
  });
}
