// The password form of an invitation or reset link; on success the person is signed in at once.
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { signInAndGo } from "@/lib/client/sign-in-and-go";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function SetPasswordForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { errorText, fieldErrorTexts } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setErrors({});
    setFailure(null);
    if (password !== form.get("confirmPassword")) {
      setErrors({ confirmPassword: t("account.mismatch") });
      return;
    }
    setBusy(true);
    try {
      await apiFetch("/api/staff-links/redeem", { method: "POST", json: { token, password } });
      if (!(await signInAndGo(email, password))) router.push("/sign-in");
    } catch (caught) {
      const byField = fieldErrorTexts(caught);
      // The link itself is at fault (used, expired…): said above the form, there is no field for it.
      if (byField?.token) setFailure(byField.token);
      else if (byField) setErrors(byField);
      else setFailure(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {failure && <Alert tone="error">{failure}</Alert>}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field label={t("setPassword.password")} name="password" type="password" required autoComplete="new-password" hint={t("setPassword.hint")} error={errors.password} autoFocus />
      <Field label={t("setPassword.confirm")} name="confirmPassword" type="password" required autoComplete="new-password" error={errors.confirmPassword} />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </form>
  );
}
