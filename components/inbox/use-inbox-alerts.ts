// Getting the agent's attention: the unread number in the document title, and — while the tab is
// hidden — a desktop notification and a short sound for each new customer message in a
// conversation that is theirs, waiting in their queue, or (admins) unassigned.
"use client";
import { useCallback, useEffect, useRef } from "react";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";

/** An upsert for a conversation not seen before counts as new only if its message is this recent. */
const FRESH_MS = 5 * 60 * 1000;

interface Options {
  viewerId: string;
  isAdmin: boolean;
  unread: number;
  enabled: boolean;
  title: string;
  describe: (conversation: ConversationSummary) => { title: string; body: string };
  onOpen: (conversationId: string) => void;
}

export function useInboxAlerts({ viewerId, isAdmin, unread, enabled, title, describe, onOpen }: Options) {
  useEffect(() => {
    document.title = unread > 0 ? `(${unread > 99 ? "99+" : unread}) ${title}` : title;
  }, [unread, title]);

  const lastInbound = useRef(new Map<string, string | null>());
  const onUpsert = useCallback(
    ({ conversation }: ServerEventPayload<"conversation:upsert">) => {
      const previous = lastInbound.current.get(conversation.id);
      lastInbound.current.set(conversation.id, conversation.lastInboundAt);
      const at = conversation.lastInboundAt;
      if (!enabled || !at || document.visibilityState === "visible") return;
      const fresh = previous === undefined ? Date.now() - Date.parse(at) < FRESH_MS : previous === null || at > previous;
      const concernsMe = conversation.assignee?.id === viewerId || conversation.state === "awaiting_claim" || (isAdmin && conversation.assignee === null);
      if (!fresh || !concernsMe) return;
      playChime();
      showNotification({ ...describe(conversation), tag: conversation.id, icon: conversation.contact.avatarUrl ?? undefined }, () => onOpen(conversation.id));
    },
    [enabled, viewerId, isAdmin, describe, onOpen],
  );
  useRealtimeEvent("conversation:upsert", onUpsert);
}

/** A desktop notification, when the browser allows them; a click brings the tab forward and opens. Also for @mentions (use-note-mention-alerts.ts). */
export function showNotification(text: { title: string; body: string; tag: string; icon?: string }, onClick: () => void) {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const notification = new Notification(text.title, { body: text.body, tag: text.tag, icon: text.icon });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}

let audio: AudioContext | undefined;

/** Two short soft tones, generated so no sound file has to be shipped. */
export function playChime() {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    [880, 660].forEach((frequency, index) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.16);
      gain.gain.exponentialRampToValueAtTime(0.15, start + index * 0.16 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.16 + 0.15);
      oscillator.connect(gain).connect(audio!.destination);
      oscillator.start(start + index * 0.16);
      oscillator.stop(start + index * 0.16 + 0.16);
    });
  } catch {
    // No audio device or autoplay refused: the notification alone has to do.
  }
}
