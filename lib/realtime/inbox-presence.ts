// Inbox tabs announce themselves over their socket (inbox-tabs.ts): "inbox:open" when the inbox is
// shown and again with each heartbeat, "inbox:close" when it is left; a socket that disconnects
// closes its tab. Only sockets of signed-in users get here (socket-auth.ts).
import type { Server, Socket } from "socket.io";
import type { SignedInSession } from "@/lib/auth/session-token";
import { logger } from "@/lib/logger";
import { closeInboxTab, recordInboxTab } from "@/lib/availability/inbox-tabs";

export const inboxClientEvents = { open: "inbox:open", close: "inbox:close" } as const;

export function installInboxPresence(io: Server): void {
  io.on("connection", (socket: Socket) => {
    const userId = (socket.data as SignedInSession).user.id;
    const failed = (error: unknown) => logger.warn("Could not record an inbox tab", { userId, error });
    // The acknowledgement (when the client asks for one) comes once the row is written.
    const acknowledge = (ack: unknown) => () => (typeof ack === "function" ? ack() : undefined);
    socket.on(inboxClientEvents.open, (ack?: unknown) => void recordInboxTab(socket.id, userId).then(acknowledge(ack), failed));
    socket.on(inboxClientEvents.close, (ack?: unknown) => void closeInboxTab(socket.id, userId).then(acknowledge(ack), failed));
    socket.on("disconnect", () => void closeInboxTab(socket.id, userId).catch(failed));
  });
}
