// Where invitation and password reset links lead: the person chooses a password and is signed in,
// or is told why the link no longer works.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { readStaffLink } from "@/lib/staff/read-staff-link";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("setPassword"))("password") };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const link = token.length <= 200 ? await readStaffLink(token) : ({ ok: false, reason: "link_unknown" } as const);
  if (!link.ok) {
    return (
      <AuthCard title={t("setPassword.unusableTitle")}>
        <Alert tone="error">{t(`errors.${link.reason}`)}</Alert>
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("setPassword.toSignIn")}
          </Link>
        </p>
      </AuthCard>
    );
  }
  const joining = link.kind === "invitation";
  return (
    <AuthCard
      title={joining ? t("setPassword.joinTitle", { shop: link.shopName }) : t("setPassword.resetTitle")}
      subtitle={t(joining ? "setPassword.joinSubtitle" : "setPassword.resetSubtitle", { name: link.name, email: link.email })}
    >
      <SetPasswordForm token={token} email={link.email} submitLabel={t(joining ? "setPassword.joinSubmit" : "setPassword.resetSubmit")} />
    </AuthCard>
  );
}
