// "Mời nhân viên": name, email and role; the server answers with the link to send (and whether it mailed it).
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useFormSubmission } from "@/lib/client/use-form-submission";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { CopyLinkBox } from "@/components/staff/copy-link-box";
import { RoleSelect } from "@/components/staff/role-select";
import type { InvitationRow } from "@/components/staff/pending-invitations";
import type { MailOutcome } from "@/lib/mail/send-mail";

export function InviteStaffForm({ onInvited }: { onInvited: (invitation: InvitationRow) => void }) {
  const t = useTranslations();
  const { busy, errors, message, submit } = useFormSubmission();
  const [created, setCreated] = useState<{ name: string; link: string; mail: MailOutcome } | null>(null);

  function invite(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setCreated(null);
    void submit(async () => {
      const { invitation, link, mail } = await apiFetch<{ invitation: InvitationRow; link: string; mail: MailOutcome }>("/api/staff/invitations", {
        method: "POST",
        json: Object.fromEntries(new FormData(formElement).entries()),
      });
      onInvited(invitation);
      setCreated({ name: invitation.name, link, mail });
      formElement.reset();
      // The link box below says it: there is no sentence to add.
      return null;
    });
  }

  return (
    <form method="post" onSubmit={invite} className="flex h-fit flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <h2 className="font-semibold">{t("invitations.title")}</h2>
      <p className="text-sm text-slate-600">{t("invitations.hint")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {created && <CopyLinkBox message={t("invitations.created", { name: created.name })} link={created.link} mail={created.mail} />}
      <Field label={t("staff.name")} name="name" required error={errors.name} />
      <Field label={t("staff.email")} name="email" type="email" required error={errors.email} />
      <RoleSelect />
      <SubmitButton busy={busy}>{t("invitations.submit")}</SubmitButton>
    </form>
  );
}
