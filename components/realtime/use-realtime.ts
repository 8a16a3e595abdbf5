// One Socket.io connection per tab, authenticated by the session cookie. Components subscribe to
// typed server events; the connection state is exposed so the UI can say when it is offline.
"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { ServerEventName, ServerEventPayload } from "@/lib/realtime/events";

let socket: Socket | undefined;
const stateListeners = new Set<() => void>();

function sharedSocket(): Socket {
  if (!socket) {
    socket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    for (const event of ["connect", "disconnect", "connect_error"]) socket.on(event, () => stateListeners.forEach((notify) => notify()));
  }
  return socket;
}

export function useRealtimeConnected(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const connected = useSyncExternalStore(
    (notify) => {
      stateListeners.add(notify);
      return () => stateListeners.delete(notify);
    },
    () => sharedSocket().connected,
    () => true,
  );
  return mounted ? connected : true;
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

/** Calls `onReconnect` after every reconnection, so views can fetch what they missed. */
export function useOnReconnect(onReconnect: () => void) {
  useEffect(() => {
    const connection = sharedSocket();
    connection.io.on("reconnect", onReconnect);
    return () => {
      connection.io.off("reconnect", onReconnect);
    };
  }, [onReconnect]);
}
