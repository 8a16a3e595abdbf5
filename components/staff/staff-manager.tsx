// Staff list with the add form; changes apply without a page reload.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AddStaffForm } from "@/components/staff/add-staff-form";

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  active: boolean;
  availability: "available" | "away";
  createdAt: string;
}

export function StaffManager({ currentUserId, initialStaff }: { currentUserId: string; initialStaff: StaffRow[] }) {
  const t = useTranslations();
  const { errorText, fieldErrorTexts } = useErrorText();
  const [staff, setStaff] = useState(initialStaff);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // Who is available changes while the page is open (switches, auto-away): admins see it live.
  useRealtimeEvent(
    "availability:changed",
    useCallback(({ userId, availability }: ServerEventPayload<"availability:changed">) => {
      setStaff((rows) => rows.map((row) => (row.id === userId ? { ...row, availability } : row)));
    }, []),
  );

  /** One change to a member (lock/unlock, or role), applied to the list once the server took it. */
  async function update(member: StaffRow, change: Pick<StaffRow, "active"> | Pick<StaffRow, "role">) {
    setBusyId(member.id);
    setError(null);
    try {
      await apiFetch(`/api/staff/${member.id}`, { method: "PATCH", json: change });
      setStaff((rows) => rows.map((row) => (row.id === member.id ? { ...row, ...change } : row)));
    } catch (caught) {
      setError(Object.values(fieldErrorTexts(caught) ?? {})[0] ?? errorText(caught));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <section>
        <h1 className="text-2xl font-semibold">{t("staff.title")}</h1>
        {error && <div className="mt-3"><Alert tone="error">{error}</Alert></div>}
        {staff.length === 0 ? (
          <p className="mt-6 text-sm text-slate-600">{t("staff.empty")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={t("staff.title")}>
            {staff.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {member.name} {member.id === currentUserId && <span className="text-xs text-slate-500">({t("staff.you")})</span>}
                  </p>
                  <p className="truncate text-sm text-slate-500">{member.email}</p>
                </div>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                  {member.role === "admin" ? t("nav.roleAdmin") : t("nav.roleAgent")}
                </span>
                <span className={`text-xs ${member.active ? "text-emerald-700" : "text-slate-500"}`}>
                  {member.active ? t("staff.active") : t("staff.inactive")}
                </span>
                {member.active && (
                  <span className={`text-xs ${member.availability === "available" ? "text-emerald-700" : "text-amber-800"}`}>
                    {t(`nav.availability.${member.availability}`)}
                  </span>
                )}
                {member.id !== currentUserId && (
                  <>
                    <Button
                      variant="ghost"
                      disabled={busyId === member.id}
                      onClick={() => void update(member, { role: member.role === "admin" ? "agent" : "admin" })}
                    >
                      {member.role === "admin" ? t("staff.makeAgent") : t("staff.makeAdmin")}
                    </Button>
                    <Button variant="secondary" busy={busyId === member.id} onClick={() => void update(member, { active: !member.active })}>
                      {member.active ? t("staff.deactivate") : t("staff.activate")}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddStaffForm onAdded={(member) => setStaff((rows) => [...rows, member])} />
    </div>
  );
}
