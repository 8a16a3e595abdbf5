// How often an open inbox tab says it is open, and when a silent tab stops counting; shared by the
// browser's heartbeat and the server's checks.
export const HEARTBEAT_MS = 30_000;
/** Three missed heartbeats: the tab is gone (closed without a word, or its server process died). */
export const TAB_STALE_MS = 3 * HEARTBEAT_MS;
