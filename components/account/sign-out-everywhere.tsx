// "Đăng xuất khỏi mọi thiết bị": ends every session of the account (a lost phone, a shared
// computer), this one included, then leaves for the sign-in page.
"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { closeRealtime, reopenRealtime } from "@/components/realtime/use-realtime";

export function SignOutEverywhere() {
  const t = useTranslations("account");
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setBusy(true);
    setError(null);
    try {
      closeRealtime();
      await apiFetch("/api/account/sessions", { method: "DELETE" });
      // The sessions are over on the server; this clears the cookie and shows the sign-in page.
      await signOut({ callbackUrl: "/sign-in?signedOut=1" });
    } catch (caught) {
      reopenRealtime();
      setError(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <section className="mt-6 flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{t("devicesTitle")}</h2>
      <p className="text-sm text-slate-600">{t("devicesHint")}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" busy={busy} onClick={() => void signOutEverywhere()} className="self-start">
        {t("signOutEverywhere")}
      </Button>
    </section>
  );
}
