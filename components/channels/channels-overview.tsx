// "Cấu hình Kênh chat": one card per platform the app has (platformNames), each listing its
// channels with their status and leading to its settings screen.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { platformNames, platforms } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { PageAvatar } from "@/components/channels/page-avatar";
import { PlatformIcon } from "@/components/channels/platform-icon";
import { buttonClasses } from "@/components/ui/button";

export function ChannelsOverview({ channels }: { channels: ChannelSummary[] }) {
  return (
    <div className="mt-6 grid gap-4 md:grid-cols-2">
      {platforms.map((platform) => (
        <PlatformCard key={platform} platform={platform} channels={channels.filter((channel) => channel.platform === platform)} />
      ))}
    </div>
  );
}

function PlatformCard({ platform, channels }: { platform: Platform; channels: ChannelSummary[] }) {
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
            <li key={channel.id} className="flex items-center gap-3 py-2.5">
              <PageAvatar name={channel.name} url={channel.avatarUrl} size={32} />
              <span className="min-w-0 flex-1 truncate text-sm font-medium">{channel.name}</span>
              <ChannelStatusBadge state={channel.status} />
            </li>
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

