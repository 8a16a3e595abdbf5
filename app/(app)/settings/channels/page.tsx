// "Cấu hình Kênh chat": the channels overview (admins only, enforced by the settings layout).
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listChannels } from "@/lib/channels/list-channels";
import { ChannelBreadcrumbs } from "@/components/channels/breadcrumbs";
import { ChannelsOverview } from "@/components/channels/channels-overview";
import { RefreshOnChannelUpdate } from "@/components/channels/refresh-on-channel-update";

export async function generateMetadata() {
  return { title: (await getTranslations("channels.overview"))("title") };
}

export default async function ChannelsPage() {
  const admin = await requirePageAdmin("/settings/channels");
  const [t, channels] = await Promise.all([getTranslations("channels.overview"), listChannels(admin.workspaceId)]);
  return (
    <>
      <ChannelBreadcrumbs current="channels" />
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <ChannelsOverview channels={channels} />
      <RefreshOnChannelUpdate />
    </>
  );
}
