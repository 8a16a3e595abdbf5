// Every page in this group needs a signed-in user; the shell shows the navigation their role allows.
import { headers } from "next/headers";
import { requirePageUser } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-request-path") ?? "/inbox";
  const user = await requirePageUser(path);
  return <AppShell user={{ name: user.name, email: user.email, role: user.role }}>{children}</AppShell>;
}
