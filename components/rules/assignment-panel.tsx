// The conversation side panel's "Phân công": who looks after it, its rule, and its history. The agent
// in charge and admins can "Đánh dấu đã xử lý" / "Mở lại"; the agent hands it on with "Chuyển cho…"
// and a note, admins reassign or unassign it. Refreshes itself when the conversation changes live.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { AssignmentHistory } from "@/lib/assignment/list-assignment-history";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AssignmentHistoryList } from "@/components/rules/assignment-history-list";
import { useRuleErrorText } from "@/components/rules/use-rule-error-text";

type Load = { status: "loading" } | { status: "error" } | { status: "ready"; assignment: AssignmentHistory };

interface PanelProps {
  conversationId: string;
  viewerId: string;
  canManage: boolean;
}

export function AssignmentPanel(props: PanelProps) {
  // Keyed by conversation: opening another one starts from a clean, loading panel.
  return <PanelBody key={props.conversationId} {...props} />;
}

function PanelBody({ conversationId, viewerId, canManage }: PanelProps) {
  const t = useTranslations("rules");
  const common = useTranslations("common");
  const id = useId();
  const { fieldTexts, wholeText } = useRuleErrorText();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<"reassign" | "unassign" | "close" | "reopen" | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const url = `/api/conversations/${encodeURIComponent(conversationId)}`;
  const fetchAssignment = useCallback(
    (): Promise<Load> =>
      apiFetch<{ assignment: AssignmentHistory }>(`${url}/assignment-history`).then(
        ({ assignment }) => ({ status: "ready", assignment }),
        () => ({ status: "error" }),
      ),
    [url],
  );
  // A failed background refresh keeps what is shown rather than replacing it with an error.
  const refresh = useCallback(
    () => void fetchAssignment().then((next) => setLoad((current) => (next.status === "error" && current.status === "ready" ? current : next))),
    [fetchAssignment],
  );

  useEffect(() => {
    let active = true;
    void fetchAssignment().then((next) => active && setLoad(next));
    return () => {
      active = false;
    };
  }, [fetchAssignment]);
  useRealtimeEvent(
    "conversation:upsert",
    useCallback(
      ({ conversation }: ServerEventPayload<"conversation:upsert">) => {
        if (conversation.id === conversationId) refresh();
      },
      [conversationId, refresh],
    ),
  );
  useOnReconnect(refresh);

  async function act(action: NonNullable<typeof busy>, run: () => Promise<AssignmentHistory | null>, done: string) {
    setBusy(action);
    setMessage(null);
    try {
      const assignment = await run();
      if (assignment) setLoad({ status: "ready", assignment });
      setTarget("");
      setNote("");
      setMessage({ tone: "success", text: done });
    } catch (caught) {
      setMessage({ tone: "error", text: fieldTexts(caught)?.userId ?? fieldTexts(caught)?.note ?? wholeText(caught) });
    } finally {
      setBusy(null);
    }
  }
  const post = (path: string, json: unknown = {}) =>
    apiFetch<{ assignment: AssignmentHistory }>(`${url}/${path}`, { method: "POST", json }).then(({ assignment }) => assignment);
  const assign = (userId: string | null) => act(userId ? "reassign" : "unassign", () => post("assign", { userId }), t("panel.changed"));
  // The sender no longer sees the conversation afterwards: the thread says so when the removal arrives.
  const transfer = (userId: string) =>
    act("reassign", () => apiFetch(`${url}/transfer`, { method: "POST", json: { userId, note } }).then(() => null), t("panel.transferred"));

  if (load.status === "loading") {
    return (
      <p role="status" className="text-sm text-slate-500">
        {t("panel.loading")}
      </p>
    );
  }
  if (load.status === "error") {
    return (
      <div className="flex flex-col items-start gap-2">
        <Alert tone="error">{t("panel.loadError")}</Alert>
        <Button variant="secondary" onClick={refresh}>
          {common("retry")}
        </Button>
      </div>
    );
  }

  const { assignment } = load;
  const candidates = assignment.candidates.filter((candidate) => candidate.id !== assignment.assignee?.id);
  const inCharge = assignment.assignee?.id === viewerId;
  const closed = assignment.state === "closed";
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("panel.title")}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("panel.assignee")}</dt>
        <dd className="font-medium">
          {assignment.assignee?.name ?? (assignment.state === "awaiting_claim" ? t("panel.awaitingClaim") : t("panel.nobody"))}
        </dd>
        <dt className="text-slate-500">{t("panel.rule")}</dt>
        <dd>{assignment.rule ? `${assignment.rule.name} · ${t(`methods.${assignment.rule.method}`)}` : t("panel.noRule")}</dd>
      </dl>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {(inCharge || canManage) && (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          busy={busy === "close" || busy === "reopen"}
          onClick={() =>
            void (closed
              ? act("reopen", () => post("reopen"), t("panel.reopened"))
              : act("close", () => post("close"), t("panel.closed")))
          }
        >
          {closed ? t("panel.reopen") : t("panel.close")}
        </Button>
      )}
      {(inCharge || canManage) && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) void (inCharge ? transfer(target) : assign(target));
          }}
        >
          <label htmlFor={`${id}-target`} className="text-sm font-medium text-slate-700">
            {inCharge ? t("panel.transferTo") : t("panel.reassignTo")}
          </label>
          <div className="flex gap-2">
            <select
              id={`${id}-target`}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm"
            >
              <option value="">{t("panel.choose")}</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" busy={busy === "reassign"} disabled={!target}>
              {t("panel.reassign")}
            </Button>
          </div>
          {inCharge && (
            <>
              <label htmlFor={`${id}-note`} className="text-sm text-slate-700">
                {t("panel.noteLabel")}
              </label>
              <textarea
                id={`${id}-note`}
                value={note}
                maxLength={500}
                rows={2}
                onChange={(event) => setNote(event.target.value)}
                className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
              />
            </>
          )}
          {canManage && assignment.assignee && (
            <Button type="button" variant="ghost" busy={busy === "unassign"} onClick={() => void assign(null)} className="self-start">
              {t("panel.unassign")}
            </Button>
          )}
        </form>
      )}
      <div className="flex flex-col gap-2">
        <h4 className="text-sm font-semibold text-slate-900">{t("panel.history")}</h4>
        <AssignmentHistoryList events={assignment.events} />
      </div>
    </section>
  );
}
