// "Thêm nhân viên": name, email, role and an initial password; server errors appear on their field.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
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
    <form method="post" onSubmit={submit} className="flex h-fit flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <h2 className="font-semibold">{t("staff.addTitle")}</h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label={t("staff.name")} name="name" required error={fieldErrors.name} />
      <Field label={t("staff.email")} name="email" type="email" required error={fieldErrors.email} />
      <div className="flex flex-col gap-1">
        <label htmlFor="staff-role" className="text-sm font-medium text-slate-700">
          {t("staff.role")}
        </label>
        <select id="staff-role" name="role" defaultValue="agent" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="agent">{t("nav.roleAgent")}</option>
          <option value="admin">{t("nav.roleAdmin")}</option>
        </select>
      </div>
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
