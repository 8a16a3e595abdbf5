// The settings frame. Most settings are for admins only, and each of those pages checks it itself
// (requirePageAdmin: agents get the 403 page); "Tin nhắn mẫu" is open to every staff member.
import { requirePageUser } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/settings");
  return <div className="mx-auto w-full max-w-5xl p-4 sm:p-6">{children}</div>;
}
