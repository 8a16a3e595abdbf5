// The signed-in admin's current Facebook Login (from the last OAuth callback), with the user token
// decrypted for server-side Graph calls only.
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { missingScopes } from "@/lib/channels/facebook/oauth";

export interface FacebookAuthorization {
  id: string;
  platformUserId: string;
  userToken: string;
  grantedScopes: string[];
  missingScopes: string[];
}

/** Null when the user never signed in with Facebook here, or that login's token has run out. */
export async function currentFacebookAuthorization(userId: string): Promise<FacebookAuthorization | null> {
  const row = await db().channelAuthorization.findFirst({
    where: { userId, platform: "facebook", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  return {
    id: row.id,
    platformUserId: row.platformUserId,
    userToken: decryptSecret(row.userTokenEnc),
    grantedScopes: row.grantedScopes,
    missingScopes: missingScopes(row.grantedScopes),
  };
}
