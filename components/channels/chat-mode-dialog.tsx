// The chat-permission step after connecting a channel, in the words shops know: two options, "Chỉ
// mình tôi" (button "Không, chỉ mình tôi") and "Chia sẻ hội thoại" (button "Có, tiếp tục"); after
// the latter the admin picks "Tạo quy tắc mới" (the rule form of Settings, with this page ticked)
// or "Thêm vào quy tắc đã có" (then the rule) and presses "Tiếp tục". Staff who connected their own
// page cannot create rules: they pick one of the rules they belong to, or "Đề nghị quản trị viên tạo
// quy tắc mới" ("Gửi đề nghị"), which keeps the page in their own inbox until an admin creates it.
// Either way the step ends with one chat-mode request, which settles the page and starts its history
// sync; a rule saved by the form is kept when that request has to be retried.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ChatModeChoice } from "@/lib/channels/chat-mode-schema";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import { apiFetch } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/channels/modal";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { RuleForm } from "@/components/rules/rule-form";

export interface ExistingRule {
  id: string;
  name: string;
  sourceCount: number;
  memberCount: number;
}

type Step = "ask" | "how" | "new";
type HowToShare = "new_rule" | "existing_rule" | "request_rule";

export function ChatModeDialog({
  channel,
  account,
  rules,
  asAdmin,
  onSaved,
  onClose,
}: {
  channel: { id: string; name: string } | null;
  /** What the platform calls the channel ("fanpage", "OA"), for the step's texts. */
  account: string;
  /** For admins every rule of the workspace; for staff the rules they belong to. */
  rules: ExistingRule[];
  /** Admins create rules here; staff ask an admin for one. */
  asAdmin: boolean;
  /** `ruleRequested`: the staff member asked for a rule; the page stays "only me" meanwhile. */
  onSaved: (name: string, ruleRequested: boolean) => void;
  onClose: () => void;
}) {
  const t = useTranslations("channels.chatStep");
  const common = useTranslations("common");
  const { channelErrorText } = useChannelErrorText();
  const [step, setStep] = useState<Step>("ask");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Staff start on their rules, or on the request when they belong to none.
  const firstHow: HowToShare = asAdmin ? "new_rule" : rules.length > 0 ? "existing_rule" : "request_rule";
  const [how, setHow] = useState<HowToShare>(firstHow);
  const [ruleId, setRuleId] = useState<string>("");
  /** The rule "Tạo quy tắc mới" saved: the page is shared through it once the chat mode is saved. */
  const [createdRule, setCreatedRule] = useState<RuleDto | null>(null);

  function reset() {
    setStep("ask");
    setError(null);
    setHow(firstHow);
    setCreatedRule(null);
  }

  function close() {
    reset();
    onClose();
  }

  async function save(choice: ChatModeChoice, busyKey: string) {
    if (!channel) return;
    setBusy(busyKey);
    setError(null);
    try {
      await apiFetch(`/api/channels/${channel.id}/chat-mode`, { method: "PUT", json: choice });
      reset();
      onSaved(channel.name, choice.mode === "request_rule");
    } catch (caught) {
      setError(channelErrorText(caught));
    } finally {
      setBusy(null);
    }
  }

  function shareThroughCreatedRule(rule: RuleDto) {
    setCreatedRule(rule);
    void save({ mode: "shared", ruleId: rule.id }, "created_rule");
  }

  return (
    <Modal open={channel !== null} title={t("title", { name: channel?.name ?? "", account })} wide={step === "new" && createdRule === null} onClose={close}>
      {error && (
        <div className="mb-3">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      {step === "ask" && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t("question", { account })}</p>
          <ChatModeOption title={t("onlyMeTitle")} explanation={t("onlyMeHint")}>
            <Button variant="secondary" busy={busy === "only_me"} onClick={() => void save({ mode: "only_me" }, "only_me")}>
              {t("onlyMe")}
            </Button>
          </ChatModeOption>
          <ChatModeOption title={t("shareTitle")} explanation={t("shareHint")}>
            <Button onClick={() => setStep("how")}>{t("share")}</Button>
          </ChatModeOption>
          <p className="text-xs text-slate-500">{t("laterHint")}</p>
        </div>
      )}
      {step === "how" && (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (how === "new_rule") setStep("new");
            else if (how === "request_rule") void save({ mode: "request_rule" }, "request_rule");
            else if (ruleId) void save({ mode: "shared", ruleId }, "existing_rule");
          }}
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold text-slate-900">{t("howToShare")}</legend>
            {asAdmin && (
              <RadioCard name="how" checked={how === "new_rule"} onChange={() => setHow("new_rule")} title={t("newRule")} hint={t("newRuleHint")} />
            )}
            <RadioCard
              name="how"
              checked={how === "existing_rule"}
              onChange={() => setHow("existing_rule")}
              disabled={rules.length === 0}
              title={t("existingRule")}
              hint={rules.length === 0 ? t(asAdmin ? "noRules" : "noMemberRules") : t(asAdmin ? "existingRuleHint" : "memberRuleHint", { account })}
            />
            {!asAdmin && (
              <RadioCard
                name="how"
                checked={how === "request_rule"}
                onChange={() => setHow("request_rule")}
                title={t("requestRule")}
                hint={t("requestRuleHint", { account })}
              />
            )}
          </fieldset>
          {how === "existing_rule" && rules.length > 0 && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-semibold text-slate-900">{t("chooseRule")}</legend>
              {rules.map((rule) => (
                <RadioCard
                  key={rule.id}
                  name="rule"
                  checked={ruleId === rule.id}
                  onChange={() => setRuleId(rule.id)}
                  title={rule.name}
                  hint={t("ruleSummary", { sources: rule.sourceCount, members: rule.memberCount })}
                />
              ))}
            </fieldset>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
            <Button type="button" variant="ghost" onClick={() => setStep("ask")}>
              {t("back")}
            </Button>
            <Button type="submit" busy={busy === how} disabled={how === "existing_rule" && !ruleId}>
              {how === "request_rule" ? t("sendRequest") : t("continue")}
            </Button>
          </div>
        </form>
      )}
      {step === "new" && channel && createdRule === null && (
        <RuleForm
          preselectedChannelId={channel.id}
          onSaved={shareThroughCreatedRule}
          secondaryAction={
            <Button type="button" variant="ghost" onClick={() => setStep("how")}>
              {t("back")}
            </Button>
          }
        />
      )}
      {step === "new" && createdRule !== null && (
        <div className="flex flex-col items-start gap-3">
          <p role="status" className="text-sm text-slate-700">
            {t(busy === "created_rule" ? "sharingPage" : "ruleCreated", { rule: createdRule.name, account })}
          </p>
          {busy !== "created_rule" && (
            <Button onClick={() => shareThroughCreatedRule(createdRule)}>{common("retry")}</Button>
          )}
        </div>
      )}
    </Modal>
  );
}

/** One of the two chat permissions: its name, its one-line explanation, and its button. */
function ChatModeOption({ title, explanation, children }: { title: string; explanation: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col items-start gap-2 rounded-xl border border-slate-200 px-4 py-3">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{explanation}</p>
      {children}
    </section>
  );
}

function RadioCard({
  name,
  checked,
  onChange,
  disabled = false,
  title,
  hint,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  disabled?: boolean;
  title: string;
  hint: string;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
      <input type="radio" name={name} checked={checked} onChange={onChange} disabled={disabled} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
      <span className="min-w-0 flex-1">
        <span className={`block font-medium ${disabled ? "text-slate-500" : ""}`}>{title}</span>
        <span className="text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}
