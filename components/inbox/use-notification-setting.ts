// "Thông báo tin nhắn mới" on or off, remembered in localStorage and shared by every component
// (and tab) that reads it. Permission for desktop notifications is asked only when the user turns
// them on, never on page load.
"use client";
import { useCallback, useSyncExternalStore } from "react";

const STORAGE_KEY = "inbox-notifications";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== "off";
  } catch {
    return true;
  }
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  window.addEventListener("storage", notify);
  return () => {
    listeners.delete(notify);
    window.removeEventListener("storage", notify);
  };
}

export type NotificationPermissionState = NotificationPermission | "unsupported";

function permission(): NotificationPermissionState {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

export function useNotificationSetting() {
  const enabled = useSyncExternalStore(subscribe, read, () => true);
  const browserPermission = useSyncExternalStore(subscribe, permission, () => "default" as const);

  const setEnabled = useCallback(async (on: boolean) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    } catch {
      // Not remembered (storage blocked); the choice still holds until the page closes.
    }
    if (on && permission() === "default") await Notification.requestPermission();
    listeners.forEach((notify) => notify());
  }, []);

  return { enabled, browserPermission, setEnabled };
}
