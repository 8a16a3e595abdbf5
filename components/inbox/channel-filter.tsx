// "Kênh": narrows the list to one platform or one channel. The choices come from the server
// (channels with a conversation the viewer may see), so nothing hidden is ever offered. A shop with
// one platform sees its pages as before; with several, each platform is a group with an "all of it"
// choice, named by the platform and drawn from the data, not from a list of platforms here.
"use client";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { InboxChannel } from "@/lib/inbox/list-inbox-channels";
import type { ListFilter } from "@/components/inbox/inbox-api";

type Source = Pick<ListFilter, "platform" | "channelId">;

/** A <select> value per choice: "" for all, "platform:<p>", "channel:<id>". */
function valueOf({ platform, channelId }: Source): string {
  if (channelId) return `channel:${channelId}`;
  return platform ? `platform:${platform}` : "";
}

function sourceOf(value: string, channels: InboxChannel[]): Source {
  const [kind, id] = value.split(/:(.*)/s);
  if (kind === "channel" && id) return { platform: null, channelId: id };
  // Only a platform the choices came from: the value is the browser's, the platform type is ours.
  const platform = kind === "platform" ? channels.find((channel) => channel.platform === id)?.platform : undefined;
  return { platform: platform ?? null, channelId: null };
}

export function ChannelFilter({ channels, filter, onChange }: { channels: InboxChannel[]; filter: ListFilter; onChange: (filter: ListFilter) => void }) {
  const t = useTranslations("inbox");
  const byPlatform = new Map<Platform, InboxChannel[]>();
  for (const channel of channels) byPlatform.set(channel.platform, [...(byPlatform.get(channel.platform) ?? []), channel]);
  const severalPlatforms = byPlatform.size > 1;
  const option = (channel: InboxChannel) => (
    <option key={channel.id} value={valueOf({ platform: null, channelId: channel.id })}>
      {channel.name}
    </option>
  );
  return (
    <label className="min-w-0 xl:w-40">
      <span className="sr-only">{severalPlatforms ? t("channelFilterLabel") : t("pageFilterLabel")}</span>
      <select
        value={valueOf(filter)}
        onChange={(event) => onChange({ ...filter, ...sourceOf(event.target.value, channels) })}
        className="w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
      >
        <option value="">{severalPlatforms ? t("allChannels") : t("allPages")}</option>
        {severalPlatforms
          ? [...byPlatform].map(([platform, group]) => (
              <optgroup key={platform} label={platformNames[platform]}>
                <option value={valueOf({ platform, channelId: null })}>{t("allOfPlatform", { platform: platformNames[platform] })}</option>
                {group.map(option)}
              </optgroup>
            ))
          : channels.map(option)}
      </select>
    </label>
  );
}
