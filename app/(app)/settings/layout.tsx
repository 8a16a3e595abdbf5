// Settings are for admins only: agents get the 403 page.
import { requirePageAdmin } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePageAdmin("/settings");
  return <div className="mx-auto w-full max-w-5xl p-4 sm:p-6">{children}</div>;
}
