// Who connected a channel and how its conversations are shared ("Kết nối bởi Lan · Chỉ Lan chat"),
// in the same words on the overview, the platform screens and the wizards' lists; and a staff
// member's pending request for a rule, as admins (with "Tạo quy tắc") and the requester see it.
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ChannelOwnerView } from "@/lib/channels/existing-connection";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { useChannelWords } from "@/components/channels/use-channel-words";

/** Who sees a channel screen: admins see every channel and act on all; staff manage their own. */
export interface ChannelViewer {
  id: string;
  isAdmin: boolean;
}

/** A listed channel's owner in the shape the wizards' lists get it (ChannelOwnerView). */
export function ownerOf(channel: ChannelSummary): ChannelOwnerView {
  return { name: channel.connectedByName, chatMode: channel.chatMode, ruleName: channel.rule?.name ?? null };
}

/** "Chỉ Lan chat", "Chia theo quy tắc “Nhóm mỹ phẩm”" or "Chia sẻ, chưa thuộc quy tắc nào". */
export function useSharingText(): (owner: ChannelOwnerView) => string {
  const t = useTranslations("channels.chatMode");
  return useCallback(
    (owner) =>
      owner.chatMode === "only_me" ? t("only_me", { name: owner.name }) : owner.ruleName ? t("shared", { rule: owner.ruleName }) : t("sharedNoRule"),
    [t],
  );
}

/**
 * "Kết nối bởi Lan · Chỉ Lan chat". `lead`: "connectedBy" names the owner; "connectedByOther"
 * ("Đã được Lan kết nối") says why the viewer may not connect it; null leaves the owner out (the
 * viewer's own channels). `sharing`: false for a disconnected channel, which shares nothing now.
 * `id`: for the disabled button that this line explains.
 */
export function ChannelOwnerLine({
  owner,
  lead,
  sharing = true,
  id,
  className = "text-sm text-slate-600",
}: {
  owner: ChannelOwnerView;
  lead: "connectedBy" | "connectedByOther" | null;
  sharing?: boolean;
  id?: string;
  className?: string;
}) {
  const t = useTranslations("channels.owner");
  const sharingText = useSharingText();
  if (!lead && !sharing) return null;
  return (
    <p id={id} className={className}>
      {lead && <span>{t(lead, { name: owner.name })}</span>}
      {lead && sharing && <span aria-hidden> · </span>}
      {sharing && <span>{sharingText(owner)}</span>}
    </p>
  );
}

/** A staff member asked for a rule for this channel: admins get the way to create it, the requester a reminder. */
export function RuleRequestNote({ channel, viewer }: { channel: ChannelSummary; viewer: ChannelViewer }) {
  const t = useTranslations("channels.ruleRequest");
  const { wordsOf } = useChannelWords();
  if (!channel.ruleRequest || channel.status === "disconnected") return null;
  if (!viewer.isAdmin) return <p className="text-sm text-slate-600">{t("mine")}</p>;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800">
      <span>{t("byStaff", { name: channel.ruleRequest.byName, noun: wordsOf(channel.platform).noun })}</span>
      <Link href={`/settings/rules/new?channel=${encodeURIComponent(channel.id)}`} className="font-medium text-brand-700 underline hover:text-brand-800">
        {t("create")}
      </Link>
    </p>
  );
}

/** Admins take over live channels someone else connected ("Tiếp quản"). */
export function mayTakeOver(viewer: ChannelViewer, channel: ChannelSummary): boolean {
  return viewer.isAdmin && channel.connectedById !== viewer.id && channel.status !== "disconnected";
}
