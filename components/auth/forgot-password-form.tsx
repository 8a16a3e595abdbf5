// "Quên mật khẩu?" with a mail server: asks for the account's email and answers with the same
// sentence whatever the address, since the server never says which addresses have an account.
"use client";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { useFormSubmission } from "@/lib/client/use-form-submission";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function ForgotPasswordForm() {
  const t = useTranslations();
  const { busy, errors, message, submit } = useFormSubmission();

  function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    void submit(async () => {
      await apiFetch("/api/password-reset-requests", { method: "POST", json: { email } });
      return t("forgotPassword.sent", { email: email.trim() });
    });
  }

  return (
    <form method="post" onSubmit={send} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-slate-700">{t("forgotPassword.mailIntro")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label={t("signIn.email")} name="email" type="email" autoComplete="email" required autoFocus error={errors.email} />
      <SubmitButton busy={busy}>{t("forgotPassword.submit")}</SubmitButton>
    </form>
  );
}
