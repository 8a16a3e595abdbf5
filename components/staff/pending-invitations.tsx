// Invitations nobody has used yet: when each expires, "Gửi lại" (a new link, the old one dead) and
// "Thu hồi".
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { useDateFormat } from "@/lib/client/use-date-format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MailOutcome } from "@/lib/mail/send-mail";
import { CopyLinkBox } from "@/components/staff/copy-link-box";

export interface InvitationRow {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  expiresAt: string;
}

export function PendingInvitations({
  invitations,
  onChanged,
}: {
  invitations: InvitationRow[];
  onChanged: (change: { renewed: InvitationRow } | { revokedId: string }) => void;
}) {
  const t = useTranslations();
  const format = useDateFormat();
  const { errorText } = useErrorText();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string; link?: string; mail?: MailOutcome } | null>(null);

  async function act(invitation: InvitationRow, action: "resend" | "revoke") {
    setBusyId(invitation.id);
    setNotice(null);
    try {
      if (action === "resend") {
        const renewed = await apiFetch<{ invitation: InvitationRow; link: string; mail: MailOutcome }>(`/api/staff/invitations/${invitation.id}/resend`, { method: "POST" });
        onChanged({ renewed: renewed.invitation });
        setNotice({ tone: "success", text: t("invitations.resent", { name: invitation.name }), link: renewed.link, mail: renewed.mail });
      } else {
        await apiFetch(`/api/staff/invitations/${invitation.id}`, { method: "DELETE" });
        onChanged({ revokedId: invitation.id });
        setNotice({ tone: "success", text: t("invitations.revoked", { name: invitation.name }) });
      }
    } catch (caught) {
      setNotice({ tone: "error", text: errorText(caught) });
    } finally {
      setBusyId(null);
    }
  }

  if (invitations.length === 0 && !notice) return null;
  return (
    <section className="mt-6">
      <h2 className="font-semibold">{t("invitations.pendingTitle")}</h2>
      {notice && (
        <div className="mt-2">{notice.link ? <CopyLinkBox message={notice.text} link={notice.link} mail={notice.mail} /> : <Alert tone={notice.tone}>{notice.text}</Alert>}</div>
      )}
      {invitations.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={t("invitations.pendingTitle")}>
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{invitation.name}</p>
                <p className="truncate text-sm text-slate-500">
                  {invitation.email} · {invitation.role === "admin" ? t("nav.roleAdmin") : t("nav.roleAgent")} ·{" "}
                  {t("invitations.expires", { date: format.dateTime(new Date(invitation.expiresAt)) })}
                </p>
              </div>
              <Button variant="ghost" busy={busyId === invitation.id} onClick={() => void act(invitation, "resend")}>
                {t("invitations.resend")}
              </Button>
              <Button variant="secondary" disabled={busyId === invitation.id} onClick={() => void act(invitation, "revoke")}>
                {t("invitations.revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
