// The role of a new account (agent by default), in the invitation and add-staff forms.
"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";

export function RoleSelect() {
  const t = useTranslations();
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t("staff.role")}
      </label>
      <select id={id} name="role" defaultValue="agent" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
        <option value="agent">{t("nav.roleAgent")}</option>
        <option value="admin">{t("nav.roleAdmin")}</option>
      </select>
    </div>
  );
}
