// The assignment-rule form ("Tên quy tắc", "Nguồn", "User nhận hội thoại", "Phương thức chia",
// "Xử lý hội thoại cũ", "Lưu"). Used by Settings to create and edit rules, and embeddable elsewhere
// (the connection wizard's dialog) with a preselected page and an onSaved callback. Loads its own
// choices when none are passed. The server validates everything again; its errors land on their
// fields. Its layout follows its own width (container queries), not the screen's, so it fits a
// settings page and a dialog alike; its actions stay on screen while the fields scroll.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import type { RuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import type { ClaimQueueDecision, OldConversationPolicy, RuleInput } from "@/lib/assignment/rule-schemas";
import { distributingMethods, type AssignmentMethod } from "@/lib/assignment/assignment-methods";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ChoiceGroup } from "@/components/rules/choice-group";
import { MemberPicker } from "@/components/rules/member-picker";
import { SourcePicker } from "@/components/rules/source-picker";
import { DistributionOptions, parseOptionalCount, type DistributionOptionsValue } from "@/components/rules/distribution-options";
import { useRuleErrorText } from "@/components/rules/use-rule-error-text";
import { platformNames } from "@/lib/channels/platform-names";

export interface RuleFormProps {
  /** The rule to edit; a new rule when absent. */
  rule?: RuleDto;
  /** Pages and staff to choose from; fetched from /api/rules/form-options when absent. */
  options?: RuleFormOptions;
  /** A page to tick from the start (the wizard's page being connected). */
  preselectedChannelId?: string;
  /** A button shown beside "Lưu" (the wizard's "Quay lại"). */
  secondaryAction?: React.ReactNode;
  onSaved: (rule: RuleDto) => void;
}

type Load = { status: "loading" } | { status: "error" } | { status: "ready"; options: RuleFormOptions };

export function RuleForm({ options, ...props }: RuleFormProps) {
  const t = useTranslations("rules.form");
  const common = useTranslations("common");
  const [load, setLoad] = useState<Load>(options ? { status: "ready", options } : { status: "loading" });

  const fetchOptions = useCallback(
    (): Promise<Load> =>
      apiFetch<RuleFormOptions>("/api/rules/form-options").then(
        (fetched) => ({ status: "ready", options: fetched }),
        () => ({ status: "error" }),
      ),
    [],
  );
  useEffect(() => {
    if (options) return;
    let active = true;
    void fetchOptions().then((result) => active && setLoad(result));
    return () => {
      active = false;
    };
  }, [options, fetchOptions]);
  const retry = () => {
    setLoad({ status: "loading" });
    void fetchOptions().then(setLoad);
  };

  if (load.status === "loading") {
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("loading")}
      </p>
    );
  }
  if (load.status === "error") {
    return (
      <div className="flex flex-col items-start gap-2">
        <Alert tone="error">{t("loadError")}</Alert>
        <Button variant="secondary" onClick={retry}>
          {common("retry")}
        </Button>
      </div>
    );
  }
  return <RuleFormFields {...props} options={load.options} />;
}

function RuleFormFields({ rule, options, preselectedChannelId, secondaryAction, onSaved }: RuleFormProps & { options: RuleFormOptions }) {
  const t = useTranslations("rules");
  const { codeText, fieldTexts, wholeText } = useRuleErrorText();
  // "Khả dựng" per platform, from each platform's own reply window (sent with the options).
  const answerableHint = [
    t("form.distributeAvailableHint"),
    ...options.answerable.map(({ platform, days }) => t("form.answerableOn", { platform: platformNames[platform], days })),
  ].join(" ");
  const [name, setName] = useState(rule?.name ?? "");
  const [sources, setSources] = useState<ReadonlySet<string>>(
    () => new Set([...(rule?.sources.map((source) => source.id) ?? []), ...(preselectedChannelId ? [preselectedChannelId] : [])]),
  );
  const [moveSources, setMoveSources] = useState(false);
  const [memberEmails, setMemberEmails] = useState(rule?.members.map((member) => member.email) ?? []);
  const [method, setMethod] = useState<AssignmentMethod>(rule?.method ?? "round_robin");
  const [policy, setPolicy] = useState<OldConversationPolicy>(rule?.oldConversationPolicy ?? "keep_unassigned");
  const [claimQueue, setClaimQueue] = useState<ClaimQueueDecision | null>(null);
  // The server's count wins over the page's: conversations may have joined the queue since it loaded.
  const [serverWaitingCount, setServerWaitingCount] = useState<number | null>(null);
  const waitingCount = serverWaitingCount ?? rule?.awaitingClaimCount ?? 0;
  const distributing = distributingMethods.includes(method);
  const asksAboutQueue = distributing && waitingCount > 0;
  const [distribution, setDistribution] = useState<DistributionOptionsValue>(() => ({
    onlyAvailable: rule?.onlyAvailable ?? true,
    maxOpen: rule?.maxOpenPerAgent?.toString() ?? "",
    reassignAfter: rule?.reassignAfterMinutes?.toString() ?? "",
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  // A fresh object per failed save, so the effect below runs again when the same sentence repeats.
  const [formError, setFormError] = useState<{ text: string } | null>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const currentMemberIds = new Set(rule?.members.map((member) => member.id) ?? []);

  // The form is longer than the screen and "Lưu" stays at the bottom: after a failed save, scroll to
  // the first field at fault (the sentence above the form otherwise), or it looks like nothing happened.
  useEffect(() => {
    if (!formError) return;
    const firstInvalid = formRef.current?.querySelector('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.scrollIntoView({ block: "center" });
    else formErrorRef.current?.scrollIntoView({ block: "nearest" });
  }, [formError]);

  function toggleSource(channelId: string) {
    setSources((current) => {
      const next = new Set(current);
      if (!next.delete(channelId)) next.add(channelId);
      return next;
    });
    setFieldErrors((errors) => ({ ...errors, sourceChannelIds: undefined }));
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const maxOpenPerAgent = parseOptionalCount(distribution.maxOpen);
    const reassignAfterMinutes = distributing ? parseOptionalCount(distribution.reassignAfter) : null;
    const local: Record<string, string | undefined> = {
      name: name.trim() ? undefined : (codeText("name_required") ?? undefined),
      memberEmails: memberEmails.length > 0 ? undefined : (codeText("members_required") ?? undefined),
      claimQueue: asksAboutQueue && !claimQueue ? (codeText("claim_queue_choice_required", { count: waitingCount }) ?? undefined) : undefined,
      maxOpenPerAgent: Number.isNaN(maxOpenPerAgent) ? (codeText("cap_invalid") ?? undefined) : undefined,
      reassignAfterMinutes: Number.isNaN(reassignAfterMinutes) ? (codeText("timeout_invalid") ?? undefined) : undefined,
    };
    setFormError(null);
    if (Object.values(local).some(Boolean)) {
      setFieldErrors((errors) => ({ ...errors, ...local }));
      setFormError({ text: t("form.fixErrors") });
      return;
    }
    const input: RuleInput = {
      name,
      sourceChannelIds: [...sources],
      memberEmails,
      method,
      oldConversationPolicy: policy,
      moveSources,
      claimQueue: asksAboutQueue ? (claimQueue ?? undefined) : undefined,
      onlyAvailable: distribution.onlyAvailable,
      maxOpenPerAgent,
      reassignAfterMinutes,
    };
    setBusy(true);
    setFieldErrors({});
    try {
      const { rule: saved } = await apiFetch<{ rule: RuleDto }>(rule ? `/api/rules/${rule.id}` : "/api/rules", {
        method: rule ? "PATCH" : "POST",
        json: input,
      });
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.fieldErrors.claimQueue) setServerWaitingCount(Number(caught.params.count) || 0);
      const byField = fieldTexts(caught);
      if (byField) {
        setFieldErrors(byField);
        setFormError({ text: t("form.fixErrors") });
      } else setFormError({ text: wholeText(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t("form.label")} className="@container flex flex-col gap-8">
      {formError && (
        <div ref={formErrorRef}>
          <Alert tone="error">{formError.text}</Alert>
        </div>
      )}
      <Field
        label={t("form.name")}
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder={t("form.namePlaceholder")}
        labelClassName="text-sm font-semibold text-slate-900"
        maxLength={100}
        required
        error={fieldErrors.name}
      />
      <SourcePicker
        channels={options.channels}
        ruleId={rule?.id ?? null}
        selected={sources}
        onToggle={toggleSource}
        moveConfirmed={moveSources}
        onMoveConfirmedChange={setMoveSources}
        error={fieldErrors.sourceChannelIds}
      />
      <MemberPicker
        emails={memberEmails}
        staff={options.staff}
        currentMemberIds={currentMemberIds}
        onChange={setMemberEmails}
        error={fieldErrors.memberEmails}
        onError={(message) => setFieldErrors((errors) => ({ ...errors, memberEmails: message }))}
      />
      <ChoiceGroup
        legend={t("form.method")}
        name="method"
        value={method}
        onChange={setMethod}
        choices={[
          { value: "round_robin", label: t("methods.round_robin"), hint: t("form.roundRobinHint") },
          { value: "least_loaded", label: t("methods.least_loaded"), hint: t("form.leastLoadedHint") },
          { value: "self_claim", label: t("methods.self_claim"), hint: t("form.selfClaimHint") },
        ]}
      >
        {asksAboutQueue && (
          <div className="rounded-lg border border-amber-200 bg-amber-50 p-3">
            <ChoiceGroup
              legend={t("form.claimQueue", { count: waitingCount })}
              hint={t("form.claimQueueHint", { method: t(`methods.${method}`) })}
              name="claimQueue"
              value={claimQueue}
              onChange={(decision) => {
                setClaimQueue(decision);
                setFieldErrors((errors) => ({ ...errors, claimQueue: undefined }));
              }}
              error={fieldErrors.claimQueue}
              choices={[
                { value: "hand_out", label: t("form.claimQueueHandOut"), hint: t("form.claimQueueHandOutHint", { count: waitingCount }) },
                { value: "keep_waiting", label: t("form.claimQueueKeep"), hint: t("form.claimQueueKeepHint") },
              ]}
            />
          </div>
        )}
      </ChoiceGroup>
      <DistributionOptions
        value={distribution}
        distributing={distributing}
        onChange={(next) => {
          setDistribution(next);
          setFieldErrors((errors) => ({ ...errors, maxOpenPerAgent: undefined, reassignAfterMinutes: undefined }));
        }}
        errors={{ maxOpenPerAgent: fieldErrors.maxOpenPerAgent, reassignAfterMinutes: fieldErrors.reassignAfterMinutes }}
      />
      <ChoiceGroup
        legend={t("form.policy")}
        hint={t("form.policyHint")}
        name="oldConversationPolicy"
        value={policy}
        onChange={setPolicy}
        choices={[
          { value: "keep_unassigned", label: t("policies.keep_unassigned"), hint: t("form.keepUnassignedHint") },
          { value: "distribute_available", label: t("policies.distribute_available"), hint: answerableHint },
          { value: "distribute_all", label: t("policies.distribute_all"), hint: t("form.distributeAllHint") },
        ]}
      >
        {policy !== "keep_unassigned" && <Alert tone="warning">{t("form.policyWarning")}</Alert>}
      </ChoiceGroup>
      {/* Sticky: the form is longer than a laptop screen (and the wizard's dialog), "Lưu" stays in sight. */}
      <div className="sticky bottom-0 z-10 -mt-4 flex flex-col-reverse gap-2 border-t border-slate-200 bg-white py-4 @sm:flex-row">
        {secondaryAction}
        <SubmitButton busy={busy} className="@sm:ml-auto">
          {t("form.save")}
        </SubmitButton>
      </div>
    </form>
  );
}
