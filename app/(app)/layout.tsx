// Every page in this group needs a signed-in user; the shell shows the navigation their role allows.
import { headers } from "next/headers";
import { requirePageUser } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { platformsNeedingReconnect } from "@/lib/channels/platforms-needing-reconnect";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { ReconnectBanner } from "@/components/channels/reconnect-banner";
import { getAvailability } from "@/lib/availability/get-availability";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-request-path") ?? "/inbox";
  const user = await requirePageUser(path);
  // Whoever manages a channel (admins, and staff for the pages they connected) is told at once, on
  // every page, when its token died and it needs reconnecting.
  const managesChannels = await mayManageChannels(user);
  const banner = managesChannels ? <ReconnectBanner initialPlatforms={await platformsNeedingReconnect(user)} /> : null;
  return (
    <AppShell
      user={{ id: user.id, name: user.name, email: user.email, role: user.role, availability: await getAvailability(user.id) }}
      managesChannels={managesChannels}
    >
      {banner}
      {children}
    </AppShell>
  );
}
