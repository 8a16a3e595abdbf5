// A link the admin must pass on (invitation, password reset): shown whole, selectable, with a copy
// button, since no mail server is assumed to send it; when one is configured, whether the e-mail
// went out, so the admin knows if copying is still needed.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MailOutcome } from "@/lib/mail/send-mail";

export function CopyLinkBox({ message, link, mail = "off" }: { message: string; link: string; mail?: MailOutcome }) {
  const t = useTranslations("invitations");
  const id = useId();
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      // Without clipboard access (plain http on another host) the link stays selectable by hand.
      () => setCopied(false),
    );
  }

  return (
    <Alert tone="success">
      <p>{message}</p>
      {mail !== "off" && <p className="mt-1">{t(mail === "sent" ? "mailSent" : "mailFailed")}</p>}
      <div className="mt-2 flex gap-2">
        <label htmlFor={id} className="sr-only">
          {t("link")}
        </label>
        <input id={id} readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 text-xs text-slate-800" />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </Alert>
  );
}
