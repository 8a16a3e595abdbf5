// The "Cài đặt cửa hàng" form: shop name, time zone, per weekday whether the shop works and from
// when to when, and whether staff may connect their own pages.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useFormSubmission } from "@/lib/client/use-form-submission";
import { weekdays } from "@/lib/workspace/working-week";
import type { WorkingHours, WorkspaceSettings } from "@/lib/workspace/workspace-settings";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneSelect } from "@/components/workspace/time-zone-select";

/** What a day gets when it is ticked for the first time. */
const USUAL_HOURS = { opens: "08:00", closes: "17:30" };

export function ShopSettingsForm({ initial }: { initial: WorkspaceSettings }) {
  const t = useTranslations();
  const [hours, setHours] = useState<WorkingHours>(initial.workingHours);
  const { busy, errors, message, submit: send } = useFormSubmission();
  const staffPagesId = useId();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await send(async () => {
      await apiFetch("/api/workspace/settings", {
        method: "PUT",
        json: {
          name: form.get("name"),
          timeZone: form.get("timeZone"),
          workingHours: hours,
          // A checkbox is in the form data only while ticked.
          staffMayConnectOwnPages: form.has("staffMayConnectOwnPages"),
        },
      });
      return t("shopSettings.saved");
    });
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label={t("shopSettings.name")} name="name" defaultValue={initial.name} required error={errors.name} />
      <TimeZoneSelect label={t("shopSettings.timeZone")} defaultValue={initial.timeZone} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">{t("shopSettings.hoursTitle")}</legend>
        <p className="text-xs text-slate-500">{t("shopSettings.hoursHint")}</p>
        {weekdays.map((day) => {
          const dayHours = hours[day];
          const dayName = t(`shopSettings.days.${day}`);
          const dayError = errors[`workingHours.${day}.closes`] ?? errors[`workingHours.${day}.opens`];
          return (
            <div key={day} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex w-32 items-center gap-2">
                <input
                  type="checkbox"
                  checked={Boolean(dayHours)}
                  onChange={(event) => setHours((all) => ({ ...all, [day]: event.target.checked ? USUAL_HOURS : undefined }))}
                />
                {dayName}
              </label>
              {dayHours && (
                <>
                  <label className="flex items-center gap-1">
                    <span className="text-slate-600">{t("shopSettings.opens")}</span>
                    <input
                      type="time"
                      aria-label={`${dayName}: ${t("shopSettings.opens")}`}
                      value={dayHours.opens}
                      onChange={(event) => setHours((all) => ({ ...all, [day]: { ...dayHours, opens: event.target.value } }))}
                      className="rounded border border-slate-300 px-2 py-1"
                    />
                  </label>
                  <label className="flex items-center gap-1">
                    <span className="text-slate-600">{t("shopSettings.closes")}</span>
                    <input
                      type="time"
                      aria-label={`${dayName}: ${t("shopSettings.closes")}`}
                      value={dayHours.closes}
                      onChange={(event) => setHours((all) => ({ ...all, [day]: { ...dayHours, closes: event.target.value } }))}
                      className="rounded border border-slate-300 px-2 py-1"
                    />
                  </label>
                </>
              )}
              {dayError && <p className="w-full text-xs text-red-600">{dayError}</p>}
            </div>
          );
        })}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={staffPagesId} className="flex items-start gap-2 text-sm font-medium text-slate-700">
          <input
            id={staffPagesId}
            type="checkbox"
            name="staffMayConnectOwnPages"
            defaultChecked={initial.staffMayConnectOwnPages}
            aria-describedby={`${staffPagesId}-hint`}
            className="mt-0.5 size-4 shrink-0"
          />
          {t("shopSettings.staffMayConnectOwnPages")}
        </label>
        <p id={`${staffPagesId}-hint`} className="ml-6 text-xs text-slate-500">
          {t("shopSettings.staffMayConnectOwnPagesHint")}
        </p>
      </div>
      <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
    </form>
  );
}
