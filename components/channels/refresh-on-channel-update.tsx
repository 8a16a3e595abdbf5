// Re-renders the server-rendered channel views when a channel changes anywhere (another admin's
// action, a token that died, a deauthorization), and after the realtime connection comes back.
"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useOnReconnect, useRealtimeEvent } from "@/components/realtime/use-realtime";

export function RefreshOnChannelUpdate() {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  useRealtimeEvent("channel:updated", refresh);
  useOnReconnect(refresh);
  return null;
}
