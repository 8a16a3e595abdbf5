// One person on the staff page: name, email, role and state, and what an admin may do to them —
// rename, change role, lock or unlock, make a password reset link.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { StaffRow } from "@/components/staff/staff-manager";

export type StaffChangeRequest = Pick<StaffRow, "active"> | Pick<StaffRow, "role"> | Pick<StaffRow, "name">;

export function StaffMemberRow({
  member,
  isYou,
  busy,
  onChange,
  onDeactivate,
  onResetPassword,
}: {
  member: StaffRow;
  isYou: boolean;
  busy: boolean;
  onChange: (change: StaffChangeRequest) => Promise<boolean>;
  /** "Khóa tài khoản": asks first what becomes of the "only me" pages they connected, if any. */
  onDeactivate: () => void;
  onResetPassword: () => void;
}) {
  const t = useTranslations();
  const [renaming, setRenaming] = useState(false);

  async function rename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    if (await onChange({ name })) setRenaming(false);
  }

  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        {renaming ? (
          <form onSubmit={rename} className="flex gap-2">
            <label className="sr-only" htmlFor={`rename-${member.id}`}>
              {t("staffActions.renameLabel")}
            </label>
            <input id={`rename-${member.id}`} name="name" defaultValue={member.name} autoFocus className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-1 text-sm" />
            <Button type="submit" busy={busy}>
              {t("staffActions.saveName")}
            </Button>
            <Button variant="ghost" onClick={() => setRenaming(false)}>
              {t("common.cancel")}
            </Button>
          </form>
        ) : (
          <p className="truncate font-medium">
            {member.name} {isYou && <span className="text-xs text-slate-500">({t("staff.you")})</span>}
          </p>
        )}
        <p className="truncate text-sm text-slate-500">{member.email}</p>
      </div>
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{member.role === "admin" ? t("nav.roleAdmin") : t("nav.roleAgent")}</span>
      <span className={`text-xs ${member.active ? "text-emerald-700" : "text-slate-500"}`}>{member.active ? t("staff.active") : t("staff.inactive")}</span>
      {member.active && (
        <span className={`text-xs ${member.availability === "available" ? "text-emerald-700" : "text-amber-800"}`}>
          {t(`nav.availability.${member.availability}`)}
        </span>
      )}
      {!renaming && (
        <Button variant="ghost" disabled={busy} onClick={() => setRenaming(true)}>
          {t("staffActions.rename")}
        </Button>
      )}
      {!isYou && (
        <>
          <Button variant="ghost" disabled={busy} onClick={() => void onChange({ role: member.role === "admin" ? "agent" : "admin" })}>
            {member.role === "admin" ? t("staff.makeAgent") : t("staff.makeAdmin")}
          </Button>
          <Button variant="ghost" disabled={busy} onClick={onResetPassword}>
            {t("staffActions.resetPassword")}
          </Button>
          <Button variant="secondary" busy={busy} onClick={member.active ? onDeactivate : () => void onChange({ active: true })}>
            {member.active ? t("staff.deactivate") : t("staff.activate")}
          </Button>
        </>
      )}
    </li>
  );
}
