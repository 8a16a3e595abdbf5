// "Tin nhắn mẫu": every active staff member may open it (the settings layout lets anyone signed in
// through; this page needs no admin). Admins manage the shared templates and their own; agents
// read the shared ones and manage their own.
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { listTemplates } from "@/lib/templates/list-templates";
import { TemplateManager } from "@/components/templates/template-manager";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("title") };
}

export default async function TemplatesPage() {
  const user = await requirePageUser("/settings/templates");
  return <TemplateManager initialTemplates={(await listTemplates(user)).templates} isAdmin={user.role === "admin"} />;
}
