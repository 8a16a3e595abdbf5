// "Tạo quy tắc mới" inside the wizard: the rule's name, its pages (this one always), who receives
// the conversations and how they are split. The full form (old conversations...) is in settings.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { RuleInput } from "@/lib/assignment/rule-schemas";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export interface RuleFormChoices {
  /** Other pages of the workspace that are in no rule yet. */
  freeChannels: { id: string; name: string }[];
  staff: { id: string; name: string; email: string }[];
}

export function NewRuleForm({
  channel,
  choices,
  busy,
  fieldErrors,
  onSubmit,
  onBack,
}: {
  channel: { id: string; name: string };
  choices: RuleFormChoices;
  busy: boolean;
  fieldErrors: Record<string, string>;
  onSubmit: (rule: RuleInput) => void;
  onBack: () => void;
}) {
  const t = useTranslations("channels.chatStep");
  const id = useId();
  const [method, setMethod] = useState<RuleInput["method"]>("round_robin");

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmit({
      name: String(form.get("name") ?? ""),
      sourceChannelIds: [channel.id, ...form.getAll("source").map(String)],
      memberEmails: form.getAll("member").map(String),
      method,
      oldConversationPolicy: "keep_unassigned",
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label={t("ruleName")} name="name" required maxLength={100} autoFocus error={fieldErrors.name} />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-sm font-medium text-slate-700">{t("sources")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled className="size-4" /> {channel.name}
        </label>
        {choices.freeChannels.map((other) => (
          <label key={other.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="source" value={other.id} className="size-4" /> {other.name}
          </label>
        ))}
        {fieldErrors.sourceChannelIds && <p className="text-xs text-red-600">{fieldErrors.sourceChannelIds}</p>}
      </fieldset>
      <fieldset className="flex flex-col gap-1.5" aria-describedby={fieldErrors.memberEmails ? `${id}-members-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("members")}</legend>
        <div className="max-h-44 overflow-y-auto rounded-lg border border-slate-200 p-2">
          {choices.staff.map((person) => (
            <label key={person.id} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" name="member" value={person.email} className="size-4" />
              <span className="min-w-0 flex-1 truncate">
                {person.name} <span className="text-slate-500">· {person.email}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.memberEmails && (
          <p id={`${id}-members-error`} className="text-xs text-red-600">
            {fieldErrors.memberEmails}
          </p>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-sm font-medium text-slate-700">{t("method")}</legend>
        {(["round_robin", "self_claim"] as const).map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} className="mt-0.5 size-4" />
            <span>
              <span className="font-medium">{t(`methods.${value}`)}</span>
              <span className="block text-xs text-slate-500">{t(`methodHints.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button type="button" variant="ghost" onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="submit" busy={busy}>
          {t("continue")}
        </Button>
      </div>
    </form>
  );
}
