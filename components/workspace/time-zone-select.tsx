// The shop's time zone, for the setup screen and "Cài đặt cửa hàng"; a zone set through the API
// that the list lacks is kept as an option rather than silently replaced.
import { useId } from "react";
import { offeredTimeZones } from "@/lib/workspace/working-week";

export function TimeZoneSelect({ label, defaultValue, name = "timeZone" }: { label: string; defaultValue: string; name?: string }) {
  const id = useId();
  const zones = offeredTimeZones.includes(defaultValue) ? offeredTimeZones : [defaultValue, ...offeredTimeZones];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}
