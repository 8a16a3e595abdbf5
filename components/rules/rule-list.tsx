// Settings → "Quy tắc chia hội thoại": every rule with its pages, members, method, policy and the
// conversations waiting on it; edit or delete (after an inline confirmation).
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { DeleteConfirmation } from "@/components/ui/delete-confirmation";
import { useConfirmedDelete } from "@/components/ui/use-confirmed-delete";
import { useRuleErrorText } from "@/components/rules/use-rule-error-text";

export function RuleList({ initialRules }: { initialRules: RuleDto[] }) {
  const t = useTranslations("rules");
  const { wholeText } = useRuleErrorText();
  const [rules, setRules] = useState(initialRules);
  const { confirming, setConfirming, busyId, message, confirm } = useConfirmedDelete<RuleDto>({
    remove: async (rule) => {
      await apiFetch(`/api/rules/${rule.id}`, { method: "DELETE" });
      setRules((current) => current.filter((other) => other.id !== rule.id));
    },
    deletedText: (rule) => t("list.deleted", { name: rule.name }),
    errorText: wholeText,
  });

  return (
    <div className="flex flex-col gap-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {rules.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">{t("emptyTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("emptyBody")}</p>
          <Link href="/settings/rules/new" className={buttonClasses("primary", "mt-4")}>
            {t("create")}
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("list.label")}>
          {rules.map((rule) => (
            <li key={rule.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <article aria-labelledby={`rule-${rule.id}`}>
                <header className="flex flex-wrap items-start gap-3">
                  <div className="min-w-0 flex-1">
                    <h2 id={`rule-${rule.id}`} className="truncate text-lg font-semibold">
                      {rule.name}
                    </h2>
                    <p className="flex flex-wrap gap-x-3 text-sm text-slate-600">
                      <span>{t(`methods.${rule.method}`)}</span>
                      <span aria-hidden>·</span>
                      <span>{t(`policies.${rule.oldConversationPolicy}`)}</span>
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Link
                      href={`/settings/rules/${rule.id}`}
                      aria-label={t("list.editRule", { name: rule.name })}
                      className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
                    >
                      {t("list.edit")}
                    </Link>
                    <Button variant="ghost" aria-label={t("list.deleteRule", { name: rule.name })} onClick={() => setConfirming(rule.id)}>
                      {t("list.delete")}
                    </Button>
                  </div>
                </header>
                <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="font-medium text-slate-700">{t("list.sources")}</dt>
                    <dd className="text-slate-600">{rule.sources.length > 0 ? rule.sources.map((source) => source.name).join(", ") : t("list.noSources")}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-700">{t("list.members")}</dt>
                    <dd className="flex flex-wrap gap-1.5 pt-0.5">
                      {rule.members.map((member) => (
                        <span key={member.id} className={`rounded-full px-2 py-0.5 text-xs ${member.active ? "bg-slate-100 text-slate-700" : "bg-amber-50 text-amber-800"}`}>
                          {member.name}
                          {!member.active && ` (${t("list.inactive")})`}
                        </span>
                      ))}
                    </dd>
                  </div>
                </dl>
                {(rule.unassignedCount > 0 || rule.awaitingClaimCount > 0) && (
                  <p className="mt-3 flex flex-wrap gap-x-4 text-sm">
                    {rule.unassignedCount > 0 && <span className="text-amber-800">{t("list.unassigned", { count: rule.unassignedCount })}</span>}
                    {rule.awaitingClaimCount > 0 && <span className="text-slate-600">{t("list.awaitingClaim", { count: rule.awaitingClaimCount })}</span>}
                  </p>
                )}
                {confirming === rule.id && (
                  <DeleteConfirmation
                    className="mt-3"
                    action={t("list.confirmDelete")}
                    question={t("list.deleteConfirm", { name: rule.name })}
                    busy={busyId === rule.id}
                    onCancel={() => setConfirming(null)}
                    onConfirm={() => void confirm(rule)}
                  />
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
