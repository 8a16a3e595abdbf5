// "Thêm nhân viên": name, email, role and an initial password; server errors appear on their field.
"use client";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { useFormSubmission } from "@/lib/client/use-form-submission";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { RoleSelect } from "@/components/staff/role-select";
import type { StaffRow } from "@/components/staff/staff-manager";

export function AddStaffForm({ onAdded }: { onAdded: (member: StaffRow) => void }) {
  const t = useTranslations();
  const { busy, errors: fieldErrors, message, submit: send } = useFormSubmission();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await send(async () => {
      const { member } = await apiFetch<{ member: StaffRow }>("/api/staff", {
        method: "POST",
        json: Object.fromEntries(form.entries()),
      });
      onAdded(member);
      formElement.reset();
      return t("staff.added", { name: member.name });
    });
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
