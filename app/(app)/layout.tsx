// Every page in this group needs a signed-in user; the shell shows the navigation their role allows.
import { headers } from "next/headers";
import { requirePageUser } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { platformsNeedingReconnect } from "@/lib/channels/platforms-needing-reconnect";
import { ReconnectBanner } from "@/components/channels/reconnect-banner";
import { getAvailability } from "@/lib/availability/get-availability";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-request-path") ?? "/inbox";
  const user = await requirePageUser(path);
  // Admins are told at once, on every page, when a page's token died and it needs reconnecting.
  const banner = user.role === "admin" ? <ReconnectBanner initialPlatforms={await platformsNeedingReconnect(user.workspaceId)} /> : null;
  return (
    <AppShell user={{ id: user.id, name: user.name, email: user.email, role: user.role, availability: await getAvailability(user.id) }}>
      {banner}
      {children}
    </AppShell>
  );
}
