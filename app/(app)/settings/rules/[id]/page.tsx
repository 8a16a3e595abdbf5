// Editing one assignment rule in Settings; an id of another workspace is a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isWellFormedId } from "@/lib/http/id-schema";
import { getRule } from "@/lib/assignment/list-rules";
import { listRuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { RuleEditor } from "@/components/rules/rule-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("title") };
}

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // An address no rule can have (%00...) must not reach the database.
  if (!isWellFormedId(id)) notFound();
  const admin = await requirePageAdmin(`/settings/rules/${id}`);
  const [t, rule, options] = await Promise.all([
    getTranslations("rules"),
    getRule(admin, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listRuleFormOptions(admin),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/settings/rules" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: rule.name })}</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <RuleEditor rule={rule} options={options} />
      </div>
    </div>
  );
}
