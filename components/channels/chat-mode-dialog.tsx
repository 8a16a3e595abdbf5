// The chat-permission step after "Kết nối fanpage này": "Không, chỉ mình tôi", or "Có, tiếp tục"
// → "Tạo quy tắc mới" (the rule form of Settings, with this page ticked) / "Thêm vào quy tắc đã có".
// Either way the step ends with one chat-mode request, which settles the page and starts its
// history sync; a rule saved by the form is kept when that request has to be retried.
import { useTranslations } from "next-intl";
import { useState } from "react";
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

type Step = "ask" | "how" | "new" | "existing";

export function ChatModeDialog({
  channel,
  rules,
  onSaved,
  onClose,
}: {
  channel: { id: string; name: string } | null;
  rules: ExistingRule[];
  onSaved: (name: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("channels.chatStep");
  const common = useTranslations("common");
  const { channelErrorText } = useChannelErrorText();
  const [step, setStep] = useState<Step>("ask");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ruleId, setRuleId] = useState<string>("");
  /** The rule "Tạo quy tắc mới" saved: the page is shared through it once the chat mode is saved. */
  const [createdRule, setCreatedRule] = useState<RuleDto | null>(null);

  function reset() {
    setStep("ask");
    setError(null);
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
      onSaved(channel.name);
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
    <Modal open={channel !== null} title={t("title", { name: channel?.name ?? "" })} wide={step === "new" && createdRule === null} onClose={close}>
      {error && (
        <div className="mb-3">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      {step === "ask" && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t("question")}</p>
          <ChoiceButton title={t("onlyMe")} hint={t("onlyMeHint")} busy={busy === "only_me"} onClick={() => void save({ mode: "only_me" }, "only_me")} />
          <ChoiceButton title={t("share")} hint={t("shareHint")} onClick={() => setStep("how")} />
          <p className="text-xs text-slate-500">{t("laterHint")}</p>
        </div>
      )}
      {step === "how" && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t("howToShare")}</p>
          <ChoiceButton title={t("newRule")} onClick={() => setStep("new")} />
          <ChoiceButton title={t("existingRule")} onClick={() => setStep("existing")} />
          <Button variant="ghost" className="self-start" onClick={() => setStep("ask")}>
            {t("back")}
          </Button>
        </div>
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
            {t(busy === "created_rule" ? "sharingPage" : "ruleCreated", { rule: createdRule.name })}
          </p>
          {busy !== "created_rule" && (
            <Button onClick={() => shareThroughCreatedRule(createdRule)}>{common("retry")}</Button>
          )}
        </div>
      )}
      {step === "existing" && (
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (ruleId) void save({ mode: "shared", ruleId }, "existing_rule");
          }}
        >
          {rules.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noRules")}</p>
          ) : (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("chooseRule")}</legend>
              {rules.map((rule) => (
                <label key={rule.id} className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                  <input type="radio" name="rule" value={rule.id} checked={ruleId === rule.id} onChange={() => setRuleId(rule.id)} className="size-4" />
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{rule.name}</span>
                    <span className="text-xs text-slate-500">{t("ruleSummary", { sources: rule.sourceCount, members: rule.memberCount })}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
            <Button type="button" variant="ghost" onClick={() => setStep("how")}>
              {t("back")}
            </Button>
            {rules.length === 0 ? (
              <Button type="button" onClick={() => setStep("new")}>
                {t("newRule")}
              </Button>
            ) : (
              <Button type="submit" busy={busy === "existing_rule"} disabled={!ruleId}>
                {t("continue")}
              </Button>
            )}
          </div>
        </form>
      )}
    </Modal>
  );
}

function ChoiceButton({ title, hint, busy = false, onClick }: { title: string; hint?: string; busy?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      aria-busy={busy || undefined}
      className="flex w-full flex-col items-start rounded-xl border border-slate-300 px-4 py-3 text-left hover:border-brand-500 hover:bg-brand-50 disabled:opacity-60"
    >
      <span className="font-medium">{title}</span>
      {hint && <span className="mt-0.5 text-sm text-slate-600">{hint}</span>}
    </button>
  );
}
