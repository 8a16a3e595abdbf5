// Zalo's redirect back from the OA permission page (`?code&oa_id&state`): spend the state (once),
// turn the code and the PKCE verifier into the OA's tokens, and keep them (sealed) so the wizard can
// show the OA and connect it. The OA is the one the token belongs to (getoa), not the redirect's
// `oa_id`, which anyone could edit. Nothing is stored unless the state is valid and Zalo took the code.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import { consumeOAuthState } from "@/lib/channels/oauth-state";
import { fetchOaInfo } from "@/lib/channels/zalo/oa-info";
import { exchangeZaloCode } from "@/lib/channels/zalo/oauth";
import { codeVerifierFor } from "@/lib/channels/zalo/pkce";
import { asZaloStep } from "@/lib/channels/zalo/zalo-app-error";

export interface ZaloCallbackParams {
  code: string | null;
  state: string | null;
  error: string | null;
}

export type ZaloAuthorizationOutcome = { outcome: "authorized"; missingScopes: string[] } | { outcome: "denied" };

export async function completeZaloAuthorization(user: SessionUser, params: ZaloCallbackParams): Promise<ZaloAuthorizationOutcome> {
  const check = await consumeOAuthState(user.id, params.state);
  if (!check.ok) {
    logger.warn("Zalo authorization callback refused: bad state", { userId: user.id, reason: check.reason });
    if (check.reason === "used") {
      throw new AppError("invalid_input", "This Zalo authorization link was already used; nothing was changed.", { reason: "oauth_state_used" });
    }
    throw new AppError("invalid_input", "This Zalo authorization link is invalid or has expired.", { reason: "oauth_state_invalid" });
  }
  // The admin pressed "Từ chối", or Zalo refused: nothing was granted. Zalo's refusal redirect is not
  // documented, so any callback without a code counts as one.
  if (params.error || !params.code) return { outcome: "denied" };
  const code = params.code;
  const state = params.state as string;

  const { tokens, oa } = await asZaloStep(async () => {
    const tokens = await exchangeZaloCode(code, codeVerifierFor(state));
    return { tokens, oa: await fetchOaInfo(tokens.accessToken) };
  });

  // One authorization per person and OA: an older one only holds tokens nobody needs any more.
  await db().$transaction([
    db().channelAuthorization.deleteMany({ where: { userId: user.id, platform: "zalo", platformUserId: oa.id } }),
    db().channelAuthorization.create({
      data: {
        workspaceId: user.workspaceId,
        userId: user.id,
        platform: "zalo",
        platformUserId: oa.id,
        userTokenEnc: encryptSecret(tokens.accessToken),
        refreshTokenEnc: encryptSecret(tokens.refreshToken),
        // Zalo's permission page grants the app's permissions as a whole: nothing to re-request.
        grantedScopes: [],
        declinedScopes: [],
        expiresAt: tokens.expiresAt,
      },
    }),
  ]);
  return { outcome: "authorized", missingScopes: [] };
}
