// "Cấu hình Kênh chat": one card per platform the app has (platformNames), each listing the
// channels the viewer manages with their status and leading to its settings screen, then "Thay đổi
// gần đây". Admins see every channel, who connected it and how it is shared, staff members' requests
// for a rule, and "Tiếp quản" on channels someone else connected; staff see their own channels.
"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ChannelEventView } from "@/lib/channels/channel-events";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { platformNames, platforms } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ChannelOwnerLine, RuleRequestNote, mayTakeOver, ownerOf, type ChannelViewer } from "@/components/channels/channel-owner";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { PageAvatar } from "@/components/channels/page-avatar";
import { PlatformIcon } from "@/components/channels/platform-icon";
import { RecentChannelChanges } from "@/components/channels/recent-channel-changes";
import { TakeOverButton } from "@/components/channels/take-over-button";
import { buttonClasses } from "@/components/ui/button";

export function ChannelsOverview({ channels, events, viewer }: { channels: ChannelSummary[]; events: ChannelEventView[]; viewer: ChannelViewer }) {
  const t = useTranslations("channels.overview");
  return (
    <>
      {!viewer.isAdmin && <p className="mt-3 text-sm text-slate-600">{t("staffScope")}</p>}
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {platforms.map((platform) => (
          <PlatformCard key={platform} platform={platform} channels={channels.filter((channel) => channel.platform === platform)} viewer={viewer} />
        ))}
      </div>
      <RecentChannelChanges events={events} viewer={viewer} />
    </>
  );
}

function PlatformCard({ platform, channels, viewer }: { platform: Platform; channels: ChannelSummary[]; viewer: ChannelViewer }) {
  const t = useTranslations("channels.overview");
  const headingId = `${platform}-card`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center gap-3">
        <PlatformIcon platform={platform} className="size-10" decorative />
        <div>
          <h2 id={headingId} className="font-semibold">
            {t(`platforms.${platform}.title`)}
          </h2>
          <p className="text-sm text-slate-600">{t(`platforms.${platform}.body`)}</p>
        </div>
      </div>
      {channels.length === 0 ? (
        <p className="mt-4 rounded-lg bg-slate-50 px-3 py-4 text-center text-sm text-slate-600">{t(`platforms.${platform}.empty`)}</p>
      ) : (
        <ul aria-label={t(`platforms.${platform}.listLabel`)} className="mt-4 divide-y divide-slate-100">
          {channels.map((channel) => (
            <ChannelItem key={channel.id} channel={channel} viewer={viewer} />
          ))}
        </ul>
      )}
      <div className="mt-auto pt-4">
        <Link href={`/settings/channels/${platform}`} className={buttonClasses()}>
          {t("configure", { platform: platformNames[platform] })}
        </Link>
      </div>
    </section>
  );
}

function ChannelItem({ channel, viewer }: { channel: ChannelSummary; viewer: ChannelViewer }) {
  const router = useRouter();
  return (
    <li aria-label={channel.name} className="flex flex-col gap-2 py-2.5">
      <div className="flex items-center gap-3">
        <PageAvatar name={channel.name} url={channel.avatarUrl} size={32} />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">{channel.name}</p>
          {/* Staff list only their own channels: the owner's name would be theirs. */}
          <ChannelOwnerLine
            owner={ownerOf(channel)}
            lead={viewer.isAdmin ? "connectedBy" : null}
            sharing={channel.status !== "disconnected"}
            className="text-xs text-slate-600"
          />
        </div>
        <ChannelStatusBadge state={channel.status} />
      </div>
      <RuleRequestNote channel={channel} viewer={viewer} />
      {mayTakeOver(viewer, channel) && (
        <div>
          {/* The page is server-rendered: fetch it again to show the new owner. */}
          <TakeOverButton channel={channel} onTakenOver={() => router.refresh()} />
        </div>
      )}
    </li>
  );
}
