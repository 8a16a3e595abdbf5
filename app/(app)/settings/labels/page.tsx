// "Nhãn": the workspace's labels, for admins only (agents get the 403 page); agents use labels in
// the inbox.
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { LabelManager } from "@/components/labels/label-manager";

export async function generateMetadata() {
  return { title: (await getTranslations("customer.labels"))("title") };
}

export default async function LabelsPage() {
  await requirePageAdmin("/settings/labels");
  return <LabelManager />;
}
