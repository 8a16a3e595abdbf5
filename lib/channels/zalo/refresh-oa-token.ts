// Renews an OA's access token with its single-use refresh token (docs/platforms/zalo.md, "Tokens").
// Under a row lock (SELECT … FOR UPDATE on the channel): of two processes refreshing at once, the
// second waits, then finds the token the first stored and does not spend the (now spent) refresh
// token again. The new pair replaces the old in the same UPDATE, so a refresh token is never
// forgotten before its successor is stored. When Zalo refuses the refresh token, the OA needs a
// reconnect ("Cần kết nối lại") and its replies wait for it.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import { refreshZaloTokens } from "@/lib/channels/zalo/oauth";
import { ZaloError } from "@/lib/channels/zalo/zalo-client";

/** The lock is held across one token call: its timeout plus room for the database. */
const REFRESH_TRANSACTION_MS = 30_000;

export type RefreshOutcome =
  /** The sealed access token to use now (refreshed here, or by another process while we waited). */
  | { ok: true; accessTokenEnc: string }
  /** No token could be had: the channel is disconnected, or now needs a reconnect. */
  | { ok: false };

export interface RefreshRequest {
  channelId: string;
  /** Refresh only while the channel still holds this token (it was just refused); otherwise… */
  rejectedTokenEnc?: string;
  /** …only when it expires before this time (the schedule refreshing ahead of expiry). */
  expiringBefore?: Date;
}

interface LockedChannel {
  status: string;
  accessTokenEnc: string;
  refreshTokenEnc: string | null;
  tokenExpiresAt: Date | null;
}

function stillCurrent(row: LockedChannel, request: RefreshRequest): boolean {
  if (request.rejectedTokenEnc !== undefined) return row.accessTokenEnc !== request.rejectedTokenEnc;
  if (request.expiringBefore) return row.tokenExpiresAt !== null && row.tokenExpiresAt > request.expiringBefore;
  return false;
}

export async function refreshOaToken(request: RefreshRequest): Promise<RefreshOutcome> {
  let refused: { error: ZaloError; accessTokenEnc: string } | null = null;
  const outcome = await db().$transaction(
    async (tx): Promise<RefreshOutcome> => {
      const [row] = await tx.$queryRaw<LockedChannel[]>`
        SELECT status::text AS status, "accessTokenEnc", "refreshTokenEnc", "tokenExpiresAt"
        FROM "Channel" WHERE id = ${request.channelId} FOR UPDATE`;
      if (!row || row.status !== "connected") return { ok: false };
      if (stillCurrent(row, request)) return { ok: true, accessTokenEnc: row.accessTokenEnc };
      if (!row.refreshTokenEnc) return { ok: false };
      try {
        const tokens = await refreshZaloTokens(decryptSecret(row.refreshTokenEnc));
        const accessTokenEnc = encryptSecret(tokens.accessToken);
        await tx.channel.update({
          where: { id: request.channelId },
          data: { accessTokenEnc, refreshTokenEnc: encryptSecret(tokens.refreshToken), tokenExpiresAt: tokens.expiresAt, tokenRefreshedAt: new Date() },
        });
        return { ok: true, accessTokenEnc };
      } catch (error) {
        // Zalo said no (the refresh token is spent, revoked or expired): only a new login helps.
        // Throttling, outages and unreadable answers are tried again later.
        if (!(error instanceof ZaloError) || error.transient || error.failure !== "zalo") throw error;
        refused = { error, accessTokenEnc: row.accessTokenEnc };
        return { ok: false };
      }
    },
    { timeout: REFRESH_TRANSACTION_MS, maxWait: REFRESH_TRANSACTION_MS },
  );
  if (refused) {
    const { error, accessTokenEnc } = refused as { error: ZaloError; accessTokenEnc: string };
    logger.warn("Zalo refused to refresh an OA's token", { channelId: request.channelId, ...error.logFields() });
    // Only while the channel still holds the tokens Zalo refused: a reconnect meanwhile stays connected.
    await markChannelNeedsReconnect(request.channelId, "token_expired", accessTokenEnc);
  }
  return outcome;
}
