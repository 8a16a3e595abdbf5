// The signed-in admin's Zalo authorizations (one per OA they granted from the permission page), with
// the tokens decrypted for server-side calls only.
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";

export interface ZaloAuthorization {
  id: string;
  oaId: string;
  accessToken: string;
  /** Null once the OA was connected with it: the channel owns the single-use refresh token now. */
  refreshTokenEnc: string | null;
  expiresAt: Date | null;
}

/** Authorizations whose access token still works, newest first. */
export async function currentZaloAuthorizations(userId: string, oaId?: string): Promise<ZaloAuthorization[]> {
  const rows = await db().channelAuthorization.findMany({
    where: { userId, platform: "zalo", platformUserId: oaId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    oaId: row.platformUserId,
    accessToken: decryptSecret(row.userTokenEnc),
    refreshTokenEnc: row.refreshTokenEnc,
    expiresAt: row.expiresAt,
  }));
}
