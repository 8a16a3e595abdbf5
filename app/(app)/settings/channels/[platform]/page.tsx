// "Cấu hình <platform>": one platform's settings screen (admins only). The platform's login redirects
// here with `notice` or `error` in the query. The screen itself comes from the platform's folder
// through components/channels/settings-screens.ts; an unknown platform is a 404.
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRules } from "@/lib/assignment/list-rules";
import { listChannels } from "@/lib/channels/list-channels";
import { isPlatform, platformNames } from "@/lib/channels/platform-names";
import { ChannelBreadcrumbs } from "@/components/channels/breadcrumbs";
import { channelSettingsScreens } from "@/components/channels/settings-screens";

type Params = Promise<{ platform: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { platform } = await params;
  if (!isPlatform(platform)) return {};
  return { title: (await getTranslations("channels.breadcrumb"))("platform", { platform: platformNames[platform] }) };
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 64) : null);

export default async function PlatformSettingsPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { platform } = await params;
  if (!isPlatform(platform)) notFound();
  const admin = await requirePageAdmin(`/settings/channels/${platform}`);
  const [query, channels, rules] = await Promise.all([searchParams, listChannels(admin.workspaceId, { platform }), listRules(admin)]);
  const { Screen } = channelSettingsScreens[platform];
  return (
    <>
      <ChannelBreadcrumbs current={platform} />
      <Screen
        initialChannels={channels}
        rules={rules.map((rule) => ({ id: rule.id, name: rule.name, sourceCount: rule.sources.length, memberCount: rule.members.length }))}
        flash={{ notice: single(query.notice), error: single(query.error) }}
      />
    </>
  );
}
