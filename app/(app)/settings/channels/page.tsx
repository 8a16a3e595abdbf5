// "Cấu hình Kênh chat": the channels overview — every channel for admins (who connected it, how it is
// shared, requests for a rule), their own for staff who may connect their pages, with what admins did
// to them.
import { getTranslations } from "next-intl/server";
import { requirePageChannelManager } from "@/lib/channels/require-channel-manager";
import { listChannelEvents } from "@/lib/channels/channel-events";
import { listChannels } from "@/lib/channels/list-channels";
import { ChannelBreadcrumbs } from "@/components/channels/breadcrumbs";
import { ChannelsOverview } from "@/components/channels/channels-overview";
import { RefreshOnChannelUpdate } from "@/components/channels/refresh-on-channel-update";

export async function generateMetadata() {
  return { title: (await getTranslations("channels.overview"))("title") };
}

export default async function ChannelsPage() {
  const user = await requirePageChannelManager("/settings/channels");
  const [t, channels, events] = await Promise.all([getTranslations("channels.overview"), listChannels(user), listChannelEvents(user)]);
  return (
    <>
      <ChannelBreadcrumbs current="channels" />
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <ChannelsOverview channels={channels} events={events} viewer={{ id: user.id, isAdmin: user.role === "admin" }} />
      <RefreshOnChannelUpdate />
    </>
  );
}
