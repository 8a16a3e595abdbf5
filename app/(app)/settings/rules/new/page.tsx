// "Tạo quy tắc mới" in Settings.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listRuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { RuleEditor } from "@/components/rules/rule-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("newTitle") };
}

export default async function NewRulePage() {
  const admin = await requirePageAdmin("/settings/rules/new");
  const [t, options] = await Promise.all([getTranslations("rules"), listRuleFormOptions(admin)]);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/settings/rules" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <RuleEditor options={options} />
      </div>
    </div>
  );
}
