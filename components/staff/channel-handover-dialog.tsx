// "Các trang “Chỉ mình tôi” của {name}": before someone who connected "only me" pages is locked
// out, the admin says where each page goes — to an active admin (still "only me", its conversations
// going with it) or into a rule — so no page is left without anyone to answer it
// (lib/staff/hand-over-channels.ts). The confirm button locks the account and hands the pages on in
// one request; the shared pages the member connected pass to the acting admin without a question.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import type { ChannelHandover } from "@/lib/staff/channel-handover-schema";
import { platformNames } from "@/lib/channels/platform-names";
import { apiFetch, ApiError } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/channels/modal";
import type { StaffRow } from "@/components/staff/staff-manager";
import { useStaffErrorText } from "@/components/staff/use-staff-error-text";

interface Option {
  id: string;
  name: string;
}

export interface HandoverRequest {
  member: StaffRow;
  /** The member's live "only me" pages: each needs a decision. */
  pages: ChannelSummary[];
  /** The rules a page may go into. */
  rules: Option[];
}

/** What locking `member` must ask first: their live "only me" pages and, when there are some, the rules. */
export async function loadHandoverRequest(member: StaffRow): Promise<HandoverRequest> {
  const { channels } = await apiFetch<{ channels: ChannelSummary[] }>(`/api/staff/${member.id}/channels`);
  const pages = channels.filter((channel) => channel.chatMode === "only_me");
  if (pages.length === 0) return { member, pages, rules: [] };
  const { rules } = await apiFetch<{ rules: Option[] }>("/api/rules");
  return { member, pages, rules };
}

interface Choice {
  to: ChannelHandover["to"];
  /** Both kept, so switching back and forth does not lose the other select's pick. */
  adminId: string;
  ruleId: string;
}

export function ChannelHandoverDialog({
  request,
  admins,
  currentUserId,
  onReloaded,
  onDone,
  onClose,
}: {
  request: HandoverRequest | null;
  /** The workspace's active admins other than the member: who a page may go to. */
  admins: Option[];
  /** The admin doing this: every page goes to them unless they choose otherwise. */
  currentUserId: string;
  /** The pages or rules changed meanwhile: the fresh request to decide on. */
  onReloaded: (request: HandoverRequest) => void;
  onDone: (member: StaffRow, handedOverPages: number) => void;
  onClose: () => void;
}) {
  const t = useTranslations("staffHandover");
  const common = useTranslations("common");
  const staffErrorText = useStaffErrorText();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rules = request?.rules ?? [];

  /** The page's choice, falling back to the defaults where a picked admin or rule is no longer offered. */
  function choiceFor(channelId: string, chosen = choices[channelId]): Choice {
    const adminId = chosen && admins.some((admin) => admin.id === chosen.adminId) ? chosen.adminId : currentUserId;
    const ruleId = chosen && rules.some((rule) => rule.id === chosen.ruleId) ? chosen.ruleId : (rules[0]?.id ?? "");
    return { to: chosen?.to === "rule" && ruleId ? "rule" : "admin", adminId, ruleId };
  }

  function choose(channelId: string, change: Partial<Choice>) {
    setChoices((current) => ({ ...current, [channelId]: { ...choiceFor(channelId, current[channelId]), ...change } }));
  }

  function close() {
    if (busy) return;
    setChoices({});
    setError(null);
    onClose();
  }

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!request) return;
    const channelHandover: ChannelHandover[] = request.pages.map((page) => {
      const choice = choiceFor(page.id);
      return choice.to === "admin" ? { channelId: page.id, to: "admin", adminId: choice.adminId } : { channelId: page.id, to: "rule", ruleId: choice.ruleId };
    });
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/staff/${request.member.id}`, { method: "PATCH", json: { active: false, channelHandover } });
      setChoices({});
      onDone(request.member, request.pages.length);
    } catch (caught) {
      setError(await explainRefusal(caught, request.member));
    } finally {
      setBusy(false);
    }
  }

  /** A refusal because a page was connected or a rule deleted meanwhile comes with the fresh list to check. */
  async function explainRefusal(caught: unknown, member: StaffRow): Promise<string> {
    const pagesChanged = caught instanceof ApiError && caught.params.reason === "channel_handover_required";
    const ruleGone = caught instanceof ApiError && caught.code === "not_found";
    if (!pagesChanged && !ruleGone) return staffErrorText(caught);
    try {
      onReloaded(await loadHandoverRequest(member));
    } catch (reloadError) {
      return staffErrorText(reloadError);
    }
    return pagesChanged ? t("pagesChanged", { count: caught.params.count ?? 0 }) : t("ruleGone");
  }

  const name = request?.member.name ?? "";
  return (
    <Modal open={request !== null} title={t("title", { name })} onClose={close}>
      {request && (
        <form onSubmit={(event) => void confirm(event)} className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">{t("intro", { name })}</p>
          <p className="text-sm text-slate-600">{t("sharedPages", { name })}</p>
          {request.pages.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noPages")}</p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label={t("pagesLabel")}>
              {request.pages.map((page) => (
                <li key={page.id}>
                  <PageHandover
                    page={page}
                    choice={choiceFor(page.id)}
                    admins={admins}
                    rules={rules}
                    currentUserId={currentUserId}
                    onChange={(change) => choose(page.id, change)}
                  />
                </li>
              ))}
            </ul>
          )}
          {error && <Alert tone="error">{error}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={close} disabled={busy}>
              {common("cancel")}
            </Button>
            <Button type="submit" variant="danger" busy={busy}>
              {t("confirm")}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}

/** One page: its name and platform, and the two places it can go, each with its select. */
function PageHandover({
  page,
  choice,
  admins,
  rules,
  currentUserId,
  onChange,
}: {
  page: ChannelSummary;
  choice: Choice;
  admins: Option[];
  rules: Option[];
  currentUserId: string;
  onChange: (change: Partial<Choice>) => void;
}) {
  const t = useTranslations("staffHandover");
  return (
    <fieldset className="rounded-xl border border-slate-200 px-4 pb-3 pt-1">
      <legend className="break-words px-1 text-sm font-semibold">
        {page.name} <span className="font-normal text-slate-500">· {platformNames[page.platform]}</span>
      </legend>
      <div className="flex flex-col gap-3">
        <Destination
          radioName={`handover-${page.id}`}
          label={t("toAdmin")}
          checked={choice.to === "admin"}
          onCheck={() => onChange({ to: "admin" })}
        >
          <select
            aria-label={t("adminFor", { page: page.name })}
            value={choice.adminId}
            disabled={choice.to !== "admin"}
            onChange={(event) => onChange({ adminId: event.target.value })}
            className={selectClasses}
          >
            {admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {admin.id === currentUserId ? t("yourself", { name: admin.name }) : admin.name}
              </option>
            ))}
          </select>
        </Destination>
        <Destination
          radioName={`handover-${page.id}`}
          label={t("toRule")}
          checked={choice.to === "rule"}
          disabled={rules.length === 0}
          onCheck={() => onChange({ to: "rule" })}
        >
          {rules.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noRules")}</p>
          ) : (
            <select
              aria-label={t("ruleFor", { page: page.name })}
              value={choice.ruleId}
              disabled={choice.to !== "rule"}
              onChange={(event) => onChange({ ruleId: event.target.value })}
              className={selectClasses}
            >
              {rules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.name}
                </option>
              ))}
            </select>
          )}
        </Destination>
      </div>
    </fieldset>
  );
}

const selectClasses = "min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm disabled:bg-slate-50 disabled:text-slate-400";

/** A radio and, beside it on a laptop or under it on a phone, the select it enables. */
function Destination({
  radioName,
  label,
  checked,
  disabled = false,
  onCheck,
  children,
}: {
  radioName: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onCheck: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-3">
      <label className={`flex items-center gap-2 text-sm font-medium sm:w-52 sm:shrink-0 ${disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer"}`}>
        <input type="radio" name={radioName} checked={checked} disabled={disabled} onChange={onCheck} className="size-4 shrink-0 accent-brand-600" />
        {label}
      </label>
      <div className="flex min-w-0 flex-1 pl-6 sm:pl-0">{children}</div>
    </div>
  );
}
