// "Quy tắc chia hội thoại": the workspace's assignment rules (admins).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRules } from "@/lib/assignment/list-rules";
import { RuleList } from "@/components/rules/rule-list";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("title") };
}

export default async function RulesPage() {
  const admin = await requirePageAdmin("/settings/rules");
  const [t, rules] = await Promise.all([getTranslations("rules"), listRules(admin)]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {rules.length > 0 && (
          <Link href="/settings/rules/new" className={buttonClasses()}>
            {t("create")}
          </Link>
        )}
      </header>
      <RuleList initialRules={rules} />
    </div>
  );
}
