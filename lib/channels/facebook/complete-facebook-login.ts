// The OAuth callback's work: spend `state` (once), turn the code into a long-lived user token, record
// what was granted, and keep the token (encrypted) so the wizard can list and connect the user's
// pages. Nothing is stored unless the state is valid and Facebook accepted the code.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import { asFacebookStep } from "@/lib/channels/facebook/facebook-app-error";
import { exchangeCodeForLongLivedToken, fetchFacebookUser, fetchGrantedPermissions, missingScopes } from "@/lib/channels/facebook/oauth";
import { consumeOAuthState } from "@/lib/channels/oauth-state";

export interface CallbackParams {
  code: string | null;
  state: string | null;
  error: string | null;
}

export type FacebookLoginOutcome = { outcome: "authorized"; missingScopes: string[] } | { outcome: "denied" };

export async function completeFacebookLogin(user: SessionUser, params: CallbackParams): Promise<FacebookLoginOutcome> {
  const check = await consumeOAuthState(user.id, params.state);
  if (!check.ok) {
    logger.warn("Facebook login callback refused: bad state", { userId: user.id, reason: check.reason });
    if (check.reason === "used") {
      throw new AppError("invalid_input", "This Facebook sign-in link was already used; nothing was changed.", { reason: "oauth_state_used" });
    }
    throw new AppError("invalid_input", "This Facebook sign-in link is invalid or has expired.", { reason: "oauth_state_invalid" });
  }
  // The person pressed "Hủy"/cancel, or Facebook refused: nothing was granted.
  if (params.error) return { outcome: "denied" };
  if (!params.code) throw new AppError("invalid_input", "Facebook did not return a code.", { reason: "oauth_state_invalid" });
  const code = params.code;

  const { token, facebookUser, permissions } = await asFacebookStep(async () => {
    const token = await exchangeCodeForLongLivedToken(code);
    const [facebookUser, permissions] = await Promise.all([
      fetchFacebookUser(token.accessToken),
      fetchGrantedPermissions(token.accessToken),
    ]);
    return { token, facebookUser, permissions };
  });

  // One authorization per person: an older one only holds a token nobody needs any more.
  await db().$transaction([
    db().channelAuthorization.deleteMany({ where: { userId: user.id, platform: "facebook" } }),
    db().channelAuthorization.create({
      data: {
        workspaceId: user.workspaceId,
        userId: user.id,
        platform: "facebook",
        platformUserId: facebookUser.id,
        userTokenEnc: encryptSecret(token.accessToken),
        grantedScopes: permissions.granted,
        declinedScopes: permissions.declined,
        expiresAt: token.expiresAt,
      },
    }),
  ]);
  return { outcome: "authorized", missingScopes: missingScopes(permissions.granted) };
}
