// "Tạo quy tắc mới" in Settings. `?channel=<id>` ticks that page from the start: admins come here from
// a staff member's request for a rule ("Tạo quy tắc" on the channels screen). A value that is not one
// of the workspace's pages the form offers is ignored.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { RuleEditor } from "@/components/rules/rule-editor";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("newTitle") };
}

export default async function NewRulePage({ searchParams }: { searchParams: SearchParams }) {
  const { channel } = await searchParams;
  const requested = typeof channel === "string" ? channel : undefined;
  const admin = await requirePageAdmin(requested ? `/settings/rules/new?channel=${encodeURIComponent(requested)}` : "/settings/rules/new");
  const [t, options] = await Promise.all([getTranslations("rules"), listRuleFormOptions(admin)]);
  const preselectedChannelId = options.channels.find((offered) => offered.id === requested)?.id;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/settings/rules" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <RuleEditor options={options} preselectedChannelId={preselectedChannelId} />
      </div>
    </div>
  );
}
