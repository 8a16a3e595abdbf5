// "Cấu hình Facebook": the connect wizard (admins only). Facebook's redirect lands here with
// `notice` or `error` in the query; the page list itself is fetched by the browser.
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRules } from "@/lib/assignment/list-rules";
import { listChannels } from "@/lib/channels/list-channels";
import { ChannelBreadcrumbs } from "@/components/channels/breadcrumbs";
import { FacebookWizard } from "@/components/channels/facebook/facebook-wizard";

export async function generateMetadata() {
  return { title: (await getTranslations("channels.wizard"))("title") };
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 64) : null);

export default async function FacebookSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageAdmin("/settings/channels/facebook");
  const [query, channels, rules] = await Promise.all([
    searchParams,
    listChannels(admin.workspaceId, { platform: "facebook" }),
    listRules(admin),
  ]);
  return (
    <>
      <ChannelBreadcrumbs current="facebook" />
      <FacebookWizard
        initialChannels={channels}
        rules={rules.map((rule) => ({ id: rule.id, name: rule.name, sourceCount: rule.sources.length, memberCount: rule.members.length }))}
        flash={{ notice: single(query.notice), error: single(query.error) }}
      />
    </>
  );
}
