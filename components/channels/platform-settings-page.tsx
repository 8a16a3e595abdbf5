// "Cấu hình <platform>": what every platform's settings page (app/(app)/settings/channels/<platform>/
// page.tsx) does around its own screen: who may manage channels (require-channel-manager.ts) and
// whether they are an admin, the channels they manage on the platform and the rules they may share a
// page through, the breadcrumbs, and the `notice` or `error` its login redirected back with. The page
// file names its platform and screen; it is the only generic code's contact with the platform's
// folder, so this file never imports one.
import type { ComponentType } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageChannelManager } from "@/lib/channels/require-channel-manager";
import { listShareableRules } from "@/lib/assignment/list-shareable-rules";
import { listChannels } from "@/lib/channels/list-channels";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ChannelBreadcrumbs } from "@/components/channels/breadcrumbs";
import type { ChannelSettingsScreenProps } from "@/components/channels/use-channel-settings";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 64) : null);

/** The page and its metadata for one platform's settings route, around that platform's client screen. */
export function platformSettingsPage(platform: Platform, Screen: ComponentType<ChannelSettingsScreenProps>) {
  async function generateMetadata() {
    return { title: (await getTranslations("channels.breadcrumb"))("platform", { platform: platformNames[platform] }) };
  }

  async function PlatformSettingsPage({ searchParams }: { searchParams: SearchParams }) {
    const user = await requirePageChannelManager(`/settings/channels/${platform}`);
    const [query, channels, rules] = await Promise.all([searchParams, listChannels(user, { platform }), listShareableRules(user)]);
    return (
      <>
        <ChannelBreadcrumbs current={platform} />
        <Screen
          initialChannels={channels}
          rules={rules}
          viewer={{ id: user.id, isAdmin: user.role === "admin" }}
          flash={{ notice: single(query.notice), error: single(query.error) }}
        />
      </>
    );
  }

  return { generateMetadata, PlatformSettingsPage };
}
