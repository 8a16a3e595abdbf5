// "Thêm nhân viên": name, email, role and an initial password; server errors appear on their field.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { RoleSelect } from "@/components/staff/role-select";
import type { StaffRow } from "@/components/staff/staff-manager";

export function AddStaffForm({ onAdded }: { onAdded: (member: StaffRow) => void }) {
  const t = useTranslations();
  const { errorText, fieldErrorTexts } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setFieldErrors({});
    setMessage(null);
    try {
      const { member } = await apiFetch<{ member: StaffRow }>("/api/staff", {
        method: "POST",
        json: Object.fromEntries(form.entries()),
      });
      onAdded(member);
      formElement.reset();
      setMessage({ tone: "success", text: t("staff.added", { name: member.name }) });
    } catch (caught) {
      const byField = fieldErrorTexts(caught);
      if (byField) setFieldErrors(byField);
      else setMessage({ tone: "error", text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex h-fit flex-col gap-3" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label={t("staff.name")} name="name" required error={fieldErrors.name} />
      <Field label={t("staff.email")} name="email" type="email" required error={fieldErrors.email} />
      <RoleSelect />
      <Field
        label={t("staff.initialPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("staff.passwordHint")}
        error={fieldErrors.password}
      />
      <SubmitButton busy={busy}>
        {t("staff.add")}
      </SubmitButton>
    </form>
  );
}
