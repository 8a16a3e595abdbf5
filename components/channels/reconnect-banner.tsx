// The warning that channels need reconnecting (their token died), shown above every page of the app
// to whoever manages them (admins for every channel, staff for the ones they connected: the layout
// decides, and /api/channels answers with the viewer's channels), with the way to fix it: the
// settings screen of the platform concerned. Follows channel:updated so it appears and disappears live;
// a channel that dies while the tab is hidden also raises a desktop notification (when the browser
// allows them), so its owner hears of it before customers go unanswered.
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";
import { showNotification } from "@/components/inbox/use-inbox-alerts";

/** `initialPlatforms`: the platform of each channel needing a reconnect (platforms-needing-reconnect.ts). */
export function ReconnectBanner({ initialPlatforms }: { initialPlatforms: Platform[] }) {
  const t = useTranslations("channels");
  const router = useRouter();
  const [platforms, setPlatforms] = useState(initialPlatforms);
  /** The channels known to need reconnecting; null until the first count, which notifies nobody. */
  const known = useRef<Set<string> | null>(null);
  const notifyNew = useCallback(
    (broken: ChannelSummary[]) => {
      const before = known.current;
      known.current = new Set(broken.map((channel) => channel.id));
      if (!before || document.visibilityState === "visible") return;
      for (const channel of broken.filter((candidate) => !before.has(candidate.id))) {
        showNotification(
          { title: t("banner.notificationTitle", { name: channel.name }), body: t("banner.notificationBody", { platform: platformNames[channel.platform] }), tag: `reconnect-${channel.id}` },
          () => router.push(`/settings/channels/${channel.platform}`),
        );
      }
    },
    [t, router],
  );
  const recount = useCallback(() => {
    apiFetch<{ channels: ChannelSummary[] }>("/api/channels")
      .then(({ channels }) => {
        const broken = channels.filter((channel) => channel.status === "needs_reconnect");
        setPlatforms(broken.map((channel) => channel.platform));
        notifyNew(broken);
      })
      // Refused: the workspace just gave channels back to admins, so this staff member has none to fix.
      // Any other failure keeps the last known state; the next event or reconnection tries again.
      .catch((error) => {
        if (error instanceof ApiError && error.code === "forbidden") setPlatforms([]);
      });
  }, [notifyNew]);
  useRealtimeEvent("channel:updated", recount);
  useOnReconnect(recount);
  // The first count only learns which channels are already broken (the page shows those itself).
  useEffect(recount, [recount]);

  const [first] = platforms;
  if (!first) return null;
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <span aria-hidden>⚠️</span>
      <p className="min-w-0 flex-1">{t("banner.text", { count: platforms.length, platform: platformNames[first], account: t(`accounts.${first}`) })}</p>
      <Link href={`/settings/channels/${first}`} className="font-medium text-amber-900 underline hover:text-amber-700">
        {t("banner.action")}
      </Link>
    </div>
  );
}
