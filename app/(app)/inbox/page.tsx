// "Chat đa kênh": the agent inbox.
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { tabsFor } from "@/lib/inbox/conversation-tabs";
import { listInboxChannels } from "@/lib/inbox/list-inbox-channels";
import { workspaceHasChannel } from "@/lib/channels/has-channel";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { InboxView } from "@/components/inbox/inbox-view";

export async function generateMetadata() {
  // Absolute: the inbox's name is the app's name, and the unread count is put in front of it live.
  return { title: { absolute: (await getTranslations("inbox"))("title") } };
}

export default async function InboxPage() {
  const user = await requirePageUser("/inbox");
  const channels = await listInboxChannels(user);
  // Whoever may connect a page (admins, and staff while the workspace lets them) is led to the setup;
  // anyone else's empty inbox just waits.
  const suggestConnecting = (await mayManageChannels(user)) && !(await workspaceHasChannel(user.workspaceId));
  return (
    <InboxView
      viewer={{ id: user.id, role: user.role }}
      tabs={tabsFor(user.role)}
      channels={channels}
      suggestConnecting={suggestConnecting}
    />
  );
}
