// "Thiết lập cửa hàng": the first-run screen, open only while nobody has an account (404 after).
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isSetupOpen } from "@/lib/setup/setup-token";
import { DEFAULT_TIME_ZONE } from "@/lib/workspace/working-week";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/setup/setup-form";

export async function generateMetadata() {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await isSetupOpen())) notFound();
  const { token } = await searchParams;
  const t = await getTranslations("setup");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} wide>
      <SetupForm token={typeof token === "string" ? token : ""} defaultTimeZone={DEFAULT_TIME_ZONE} />
    </AuthCard>
  );
}
