// One Socket.io connection per tab, authenticated by the session cookie. Components subscribe to
// typed server events; the connection state is exposed so the UI can say when it is offline.
"use client";
import { useEffect, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { ServerEventName, ServerEventPayload } from "@/lib/realtime/events";
import { HEARTBEAT_MS } from "@/lib/availability/inbox-tab-timing";

let socket: Socket | undefined;
// "connecting" until the first answer, so a page load does not flash an offline warning.
let connectionState: "connecting" | "connected" | "offline" = "connecting";
const stateListeners = new Set<() => void>();

function setConnectionState(next: typeof connectionState) {
  connectionState = next;
  stateListeners.forEach((notify) => notify());
}

function sharedSocket(): Socket {
  if (!socket) {
    socket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    socket.on("connect", () => setConnectionState("connected"));
    socket.on("disconnect", (reason) => {
      setConnectionState("offline");
      // The server closes a socket on purpose when its session ended or its account changed (role,
      // deactivation); loading the page again lets the server say what this tab may now show: the
      // sign-in page, or the view of the new role with a socket in that role's rooms.
      if (reason === "io server disconnect") window.location.reload();
    });
    socket.on("connect_error", () => setConnectionState("offline"));
  }
  return socket;
}

/** Closes this tab's connection first when the tab itself ends its session, so the server's closing it does not reload the page. */
export function closeRealtime(): void {
  socket?.disconnect();
}

/** After closeRealtime, when ending the session failed and the tab stays. */
export function reopenRealtime(): void {
  socket?.connect();
}

export function useRealtimeConnected(): boolean {
  const state = useSyncExternalStore(
    (notify) => {
      sharedSocket();
      stateListeners.add(notify);
      return () => stateListeners.delete(notify);
    },
    () => connectionState,
    () => "connecting" as const,
  );
  return state !== "offline";
}

export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayload<E>) => void) {
  useEffect(() => {
    const connection = sharedSocket();
    const listener = (payload: ServerEventPayload<E>) => handler(payload);
    connection.on(event as string, listener);
    return () => {
      connection.off(event as string, listener);
    };
  }, [event, handler]);
}

/**
 * Calls `onReconnect` whenever events may have been missed, so views can fetch what changed: after
 * every reconnection, and when the server says its link to the other processes came back
 * ("realtime:resync": the socket stayed up, but packets sent meanwhile were lost).
 */
export function useOnReconnect(onReconnect: () => void) {
  useEffect(() => {
    const connection = sharedSocket();
    connection.io.on("reconnect", onReconnect);
    connection.on("realtime:resync", onReconnect);
    return () => {
      connection.io.off("reconnect", onReconnect);
      connection.off("realtime:resync", onReconnect);
    };
  }, [onReconnect]);
}

/**
 * Tells the server this tab shows the inbox (lib/realtime/inbox-presence.ts): at once, after each
 * reconnection and every HEARTBEAT_MS, and that it stopped when the inbox is left. Auto-away
 * ("Tạm vắng") starts counting only when no tab of the user does this any more.
 */
export function useInboxPresence() {
  useEffect(() => {
    const connection = sharedSocket();
    const announce = () => {
      if (connection.connected) connection.emit("inbox:open");
    };
    announce();
    connection.on("connect", announce);
    const heartbeat = window.setInterval(announce, HEARTBEAT_MS);
    return () => {
      window.clearInterval(heartbeat);
      connection.off("connect", announce);
      connection.emit("inbox:close");
    };
  }, []);
}
