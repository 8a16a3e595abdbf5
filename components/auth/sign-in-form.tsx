// Email + password form. Errors from the server (wrong password, throttled) are shown inline.
"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";

const knownFailures = ["invalid_credentials", "rate_limited", "invalid_input"] as const;

export function SignInForm({ returnTo, signedOut }: { returnTo: string; signedOut: boolean }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      window.location.assign(returnTo);
      return;
    }
    const reason = knownFailures.find((code) => code === result?.error) ?? "invalid_credentials";
    setError(t(reason));
    setBusy(false);
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {signedOut && !error && <Alert tone="info">{t("signedOut")}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required autoFocus />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton busy={busy}>
        {busy ? t("submitting") : t("submit")}
      </SubmitButton>
    </form>
  );
}
