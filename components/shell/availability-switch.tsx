// The user menu's "Sẵn sàng nhận chat" / "Tạm vắng" switch: whether rules that give only to available
// staff count this person. Not the connection indicator: that says whether this tab is live. Follows
// changes made in the user's other tabs and by auto-away.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";

export type Availability = "available" | "away";

/** The user's availability, kept in step with their other tabs and auto-away; `choose` saves a new one. */
export function useAvailability(userId: string, initial: Availability) {
  const [availability, setAvailability] = useState<Availability>(initial);
  const [failed, setFailed] = useState(false);
  useRealtimeEvent(
    "availability:changed",
    useCallback(
      (payload: ServerEventPayload<"availability:changed">) => {
        if (payload.userId === userId) setAvailability(payload.availability);
      },
      [userId],
    ),
  );

  async function choose(next: Availability) {
    const previous = availability;
    setAvailability(next);
    setFailed(false);
    try {
      await apiFetch("/api/account/availability", { method: "POST", json: { availability: next } });
    } catch {
      setAvailability(previous);
      setFailed(true);
    }
  }
  return { availability, choose, failed };
}

export function AvailabilitySwitch({ availability, choose, failed }: ReturnType<typeof useAvailability>) {
  const t = useTranslations("nav.availability");
  return (
    <fieldset className="px-2 py-2">
      <legend className="text-xs text-slate-500">{t("label")}</legend>
      <div className="mt-1 flex flex-col gap-1">
        {(["available", "away"] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 rounded-lg px-1 py-1 text-sm hover:bg-slate-100">
            <input type="radio" name="availability" value={option} checked={availability === option} onChange={() => void choose(option)} />
            <span className={`size-2 rounded-full ${option === "available" ? "bg-green-600" : "bg-amber-500"}`} aria-hidden />
            {t(option)}
          </label>
        ))}
      </div>
      {failed && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {t("failed")}
        </p>
      )}
    </fieldset>
  );
}
