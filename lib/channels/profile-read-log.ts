// Logs failing customer-profile reads once per channel and cause, not once per message: a page whose
// token died, or whose profiles the platform refuses, fails for every new customer, and a warning with a
// stack trace each time buried everything else in the log. A cause that lasts is said again hourly,
// with how many failures the silence hid, so it stays visible in the log.
//
// Remembered in memory, not in PostgreSQL. A log line belongs to the log of the process (the webhook
// worker thread) that writes it, so "once" there is what its reader needs; a restart saying it again
// is welcome, since the problem outlived the restart; and the receive path, whose statements per
// message are counted (docs/benchmarks.md), gets no write or read for bookkeeping about logs.
import { logger } from "@/lib/logger";
import { failureCauseOf } from "@/lib/channels/channel-api-error";

const REPEAT_AFTER_MS = 60 * 60 * 1000;
/** Channels with failing reads stay few; the cap only bounds memory against the unforeseen. */
const MAX_REMEMBERED = 10_000;

const lastLogged = new Map<string, { at: number; unlogged: number }>();

export function logProfileReadFailure(channelId: string, error: unknown): void {
  const cause = failureCauseOf(error);
  const key = `${channelId} ${cause}`;
  const now = Date.now();
  const previous = lastLogged.get(key);
  if (previous && now - previous.at < REPEAT_AFTER_MS) {
    previous.unlogged += 1;
    return;
  }
  if (lastLogged.size >= MAX_REMEMBERED) lastLogged.clear();
  lastLogged.set(key, { at: now, unlogged: 0 });
  logger.warn("Customer profiles of a channel cannot be read; contacts keep their current names", {
    channelId,
    cause,
    detail: error instanceof Error ? error.message : String(error),
    ...(previous ? { failuresSinceLastLogged: previous.unlogged } : {}),
  });
}
