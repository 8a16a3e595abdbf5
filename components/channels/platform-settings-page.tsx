// "Cấu hình <platform>": what every platform's settings page (app/(app)/settings/channels/<platform>/
// page.tsx, admins only) does around its own screen: the admin check, the platform's channels and the
// rules for the chat-permission question, the breadcrumbs, and the `notice` or `error` its login
// redirected back with. The page file names its platform and screen; it is the only generic code's
// contact with the platform's folder, so this file never imports one.
import type { ComponentType } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRules } from "@/lib/assignment/list-rules";
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
    const admin = await requirePageAdmin(`/settings/channels/${platform}`);
    const [query, channels, rules] = await Promise.all([searchParams, listChannels(admin.workspaceId, { platform }), listRules(admin)]);
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

  return { generateMetadata, PlatformSettingsPage };
}
