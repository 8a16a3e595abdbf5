// "Quên mật khẩu?" with a mail server: asks for the account's email and answers with the same
// sentence whatever the address, since the server never says which addresses have an account.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function ForgotPasswordForm() {
  const t = useTranslations();
  const { errorText, fieldErrorTexts } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setBusy(true);
    setFieldErrors({});
    setFailure(null);
    setSentTo(null);
    try {
      await apiFetch("/api/password-reset-requests", { method: "POST", json: { email } });
      setSentTo(email.trim());
    } catch (caught) {
      const byField = fieldErrorTexts(caught);
      if (byField) setFieldErrors(byField);
      else setFailure(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-slate-700">{t("forgotPassword.mailIntro")}</p>
      {sentTo && <Alert tone="success">{t("forgotPassword.sent", { email: sentTo })}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      <Field label={t("signIn.email")} name="email" type="email" autoComplete="email" required autoFocus error={fieldErrors.email} />
      <SubmitButton busy={busy}>{t("forgotPassword.submit")}</SubmitButton>
    </form>
  );
}
