// Change password; on success this device stays signed in and every other session ends.
"use client";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { useFormSubmission } from "@/lib/client/use-form-submission";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";

export function ChangePasswordForm() {
  const t = useTranslations();
  const { busy, errors, message, setErrors, clear, submit: send } = useFormSubmission();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword"));
    clear();
    if (newPassword !== form.get("confirmPassword")) {
      setErrors({ confirmPassword: t("account.mismatch") });
      return;
    }
    await send(async () => {
      await apiFetch("/api/account/password", {
        method: "POST",
        json: { currentPassword: form.get("currentPassword"), newPassword },
      });
      formElement.reset();
      return t("account.changed");
    });
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <h2 className="font-semibold">{t("account.changePassword")}</h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <Field label={t("account.newPassword")} name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} hint={t("staff.passwordHint")} />
      <Field label={t("account.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <SubmitButton busy={busy}>
        {t("account.submit")}
      </SubmitButton>
    </form>
  );
}
