// "Chat đa kênh": the agent inbox.
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { InboxView } from "@/components/inbox/inbox-view";

export async function generateMetadata() {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  const user = await requirePageUser("/inbox");
  return <InboxView isAdmin={user.role === "admin"} />;
}
