// The conversation side panel's "Phân công": who looks after it, its rule, and its history. Admins
// can hand it to someone else or unassign it. Refreshes itself when the conversation changes live.
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

export function AssignmentPanel({ conversationId, canManage }: { conversationId: string; canManage: boolean }) {
  // Keyed by conversation: opening another one starts from a clean, loading panel.
  return <PanelBody key={conversationId} conversationId={conversationId} canManage={canManage} />;
}

function PanelBody({ conversationId, canManage }: { conversationId: string; canManage: boolean }) {
  const t = useTranslations("rules");
  const common = useTranslations("common");
  const id = useId();
  const { fieldTexts, wholeText } = useRuleErrorText();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [target, setTarget] = useState("");
  const [busy, setBusy] = useState<"reassign" | "unassign" | null>(null);
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

  async function assign(userId: string | null) {
    setBusy(userId ? "reassign" : "unassign");
    setMessage(null);
    try {
      const { assignment } = await apiFetch<{ assignment: AssignmentHistory }>(`${url}/assign`, { method: "POST", json: { userId } });
      setLoad({ status: "ready", assignment });
      setTarget("");
      setMessage({ tone: "success", text: t("panel.changed") });
    } catch (caught) {
      setMessage({ tone: "error", text: fieldTexts(caught)?.userId ?? wholeText(caught) });
    } finally {
      setBusy(null);
    }
  }

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
      {canManage && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) void assign(target);
          }}
        >
          <label htmlFor={`${id}-target`} className="text-sm font-medium text-slate-700">
            {t("panel.reassignTo")}
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
          {assignment.assignee && (
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
