// "Chat đa kênh": the agent inbox.
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { tabsFor } from "@/lib/inbox/conversation-tabs";
import { listInboxChannels } from "@/lib/inbox/list-inbox-channels";
import { workspaceHasChannel } from "@/lib/channels/has-channel";
import { InboxView } from "@/components/inbox/inbox-view";

export async function generateMetadata() {
  // Absolute: the inbox's name is the app's name, and the unread count is put in front of it live.
  return { title: { absolute: (await getTranslations("inbox"))("title") } };
}

export default async function InboxPage() {
  const user = await requirePageUser("/inbox");
  const channels = await listInboxChannels(user);
  // Only admins can connect a page; an agent's empty inbox just waits.
  const suggestConnecting = user.role === "admin" && !(await workspaceHasChannel(user.workspaceId));
  return (
    <InboxView
      viewer={{ id: user.id, role: user.role }}
      tabs={tabsFor(user.role)}
      channels={channels}
      suggestConnecting={suggestConnecting}
    />
  );
}
