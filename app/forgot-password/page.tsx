// "Quên mật khẩu?": with a mail server configured, a form that e-mails a one-time reset link;
// without one, a password is reset by an admin's one-time link, and the page says whom to ask.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { isMailConfigured } from "@/lib/mail/send-mail";

export async function generateMetadata() {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <AuthCard title={t("title")}>
      {isMailConfigured() ? <ForgotPasswordForm /> : <p className="text-sm text-slate-700">{t("body")}</p>}
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </AuthCard>
  );
}
