// The first-run form: the shop (name, time zone) and its first admin; the setup link's token rides
// along unseen unless the link was opened without it.
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
import { TimeZoneSelect } from "@/components/workspace/time-zone-select";

export function SetupForm({ token, defaultTimeZone }: { token: string; defaultTimeZone: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { errorText, fieldErrorTexts } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    setErrors({});
    setFailure(null);
    if (form.password !== form.confirmPassword) {
      setErrors({ confirmPassword: t("account.mismatch") });
      return;
    }
    setBusy(true);
    try {
      const { email } = await apiFetch<{ email: string }>("/api/setup", {
        method: "POST",
        json: { token: form.token, shopName: form.shopName, timeZone: form.timeZone, name: form.name, email: form.email, password: form.password },
      });
      if (!(await signInAndGo(email, form.password ?? ""))) router.push("/sign-in");
    } catch (caught) {
      const byField = fieldErrorTexts(caught);
      // The token has no visible field when it came with the link: its error is said above the form.
      if (byField && !(byField.token && token)) setErrors(byField);
      else setFailure(byField?.token ?? errorText(caught));
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {failure && <Alert tone="error">{failure}</Alert>}
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <Field label={t("setup.token")} name="token" required hint={t("setup.tokenHint")} error={errors.token} autoComplete="off" />
      )}
      <h2 className="font-semibold">{t("setup.shopSection")}</h2>
      <Field label={t("shopSettings.name")} name="shopName" required error={errors.shopName} />
      <TimeZoneSelect label={t("shopSettings.timeZone")} defaultValue={defaultTimeZone} />
      <h2 className="font-semibold">{t("setup.adminSection")}</h2>
      <Field label={t("staff.name")} name="name" required autoComplete="name" error={errors.name} />
      <Field label={t("staff.email")} name="email" type="email" required autoComplete="email" error={errors.email} />
      <Field label={t("setPassword.password")} name="password" type="password" required autoComplete="new-password" hint={t("setPassword.hint")} error={errors.password} />
      <Field label={t("setPassword.confirm")} name="confirmPassword" type="password" required autoComplete="new-password" error={errors.confirmPassword} />
      <SubmitButton busy={busy}>{t("setup.submit")}</SubmitButton>
    </form>
  );
}
