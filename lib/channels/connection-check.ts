// What checking one channel's connection with its platform found (ChannelProvider.connection.check).

export type ConnectionCheck =
  | { status: "healthy" }
  /** The platform had stopped sending some events (webhook fields); the check subscribed again. */
  | { status: "resubscribed"; missingFields: string[] }
  /** Only an admin's new login can fix it; `reason` is a channels.statusReasons code. */
  | { status: "needs_reconnect"; reason: string }
  /** The platform could not be asked this time (throttled, down, slow); the next round asks again. */
  | { status: "unreachable"; cause: string };
