// The signed-in user's menu: who they are, "Sẵn sàng nhận chat" / "Tạm vắng", their account page,
// language and sign-out.
"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { closeRealtime } from "@/components/realtime/use-realtime";
import { AvailabilitySwitch, useAvailability } from "@/components/shell/availability-switch";

export function UserMenu({ user }: { user: { id: string; name: string; email: string; role: "admin" | "agent"; availability: "available" | "away" } }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const availability = useAvailability(user.id, user.availability);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const initials = user.name.split(/\s+/).slice(-1)[0]?.slice(0, 1).toUpperCase() ?? "?";
  return (
    <div className="relative" ref={container}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-lg p-1.5 hover:bg-slate-100"
      >
        {/* The name read out starts with what the button is, then what it shows (name and role). */}
        <span className="sr-only">{t("userMenu")}</span>
        <span className="relative flex size-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700" aria-hidden>
          {initials}
          <span
            className={`absolute -right-0.5 -bottom-0.5 size-3 rounded-full border-2 border-white ${availability.availability === "available" ? "bg-green-600" : "bg-amber-500"}`}
          />
        </span>
        <span className="hidden text-left sm:block">
          <span className="block text-sm font-medium leading-tight">{user.name}</span>
          <span className="block text-xs text-slate-500">{user.role === "admin" ? t("roleAdmin") : t("roleAgent")}</span>
        </span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-30 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
          <p className="truncate px-2 py-1 text-xs text-slate-500">{user.email}</p>
          <AvailabilitySwitch {...availability} />
          <Link role="menuitem" href="/account" className="block rounded-lg px-2 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
            {t("account")}
          </Link>
          <div className="px-2 py-2">
            <LanguageSwitcher />
          </div>
          <button
            role="menuitem"
            type="button"
            className="w-full rounded-lg px-2 py-2 text-left text-sm text-red-700 hover:bg-red-50"
            onClick={() => {
              closeRealtime();
              void signOut({ callbackUrl: "/sign-in?signedOut=1" });
            }}
          >
            {t("signOut")}
          </button>
        </div>
      )}
    </div>
  );
}
