// The signed-in frame: sidebar navigation (a drawer on phones), the user menu and the page.
"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { UserMenu } from "@/components/shell/user-menu";
import { Icon, type IconName } from "@/components/ui/icon";

interface ShellUser {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  availability: "available" | "away";
}

/**
 * Who sees each item: everyone, admins, or whoever manages channels ("Cấu hình Kênh chat": admins,
 * and any staff member while the workspace lets staff connect their own pages).
 */
type Audience = "everyone" | "admins" | "channelManagers";

const navigation = [
  { href: "/inbox", key: "inbox", icon: "chat", audience: "everyone" },
  { href: "/settings/templates", key: "templates", icon: "template", audience: "everyone" },
  { href: "/reports", key: "reports", icon: "chart", audience: "admins" },
  { href: "/settings/channels", key: "channels", icon: "plug", audience: "channelManagers" },
  { href: "/settings/rules", key: "rules", icon: "split", audience: "admins" },
  { href: "/settings/staff", key: "staff", icon: "users", audience: "admins" },
  { href: "/settings/shop", key: "shop", icon: "store", audience: "admins" },
  { href: "/settings/labels", key: "labels", icon: "tag", audience: "admins" },
] as const satisfies readonly { href: string; key: string; icon: IconName; audience: Audience }[];

export function AppShell({ user, managesChannels, children }: { user: ShellUser; managesChannels: boolean; children: React.ReactNode }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const sees: Record<Audience, boolean> = { everyone: true, admins: user.role === "admin", channelManagers: managesChannels };
  const items = navigation.filter((item) => sees[item.audience]);
  const sidebar = (
    <nav aria-label={t("inbox")} className="flex flex-1 flex-col gap-1 p-3">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            onClick={() => setDrawerOpen(false)}
            className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
          >
            <Icon name={item.icon} />
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );

  return (
    <div className="flex h-dvh overflow-hidden">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <Brand />
        {sidebar}
      </aside>
      {drawerOpen && (
        <div className="fixed inset-0 z-40 flex md:hidden" role="dialog" aria-modal="true">
          <button type="button" className="absolute inset-0 bg-slate-900/40" aria-label={t("closeMenu")} onClick={() => setDrawerOpen(false)} />
          <aside className="relative flex w-64 flex-col bg-white shadow-xl">
            <Brand />
            {sidebar}
          </aside>
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4">
          <button type="button" className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 md:hidden" aria-label={t("openMenu")} onClick={() => setDrawerOpen(true)}>
            <Icon name="menu" />
          </button>
          <div className="flex-1" />
          <UserMenu user={user} />
        </header>
        <main className="min-h-0 flex-1 overflow-auto">{children}</main>
      </div>
    </div>
  );
}

function Brand() {
  const t = useTranslations("common");
  return (
    <div className="flex h-14 items-center gap-2 border-b border-slate-200 px-4">
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 font-bold text-white" aria-hidden>
        C
      </span>
      <span className="font-semibold">{t("appName")}</span>
    </div>
  );
}
