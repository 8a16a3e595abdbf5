// The top of a platform's settings screen: its title and intro, and the platform-coloured "Thêm kết
// nối" link that starts the platform's login.
import type { ReactNode } from "react";

export function SettingsScreenHeader({
  title,
  intro,
  action,
}: {
  title: string;
  intro: string;
  action: ReactNode;
}) {
  return (
    <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{intro}</p>
      </div>
      {action}
    </div>
  );
}
