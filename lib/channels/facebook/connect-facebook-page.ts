// Step 4, "Kết nối fanpage này": re-checks with Facebook that the user administers the page (the
// browser's list is not trusted), subscribes the app to the page's webhooks, and stores the page
// token encrypted. Reconnecting a page of this workspace restores its token and status.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { asFacebookStep } from "@/lib/channels/facebook/facebook-app-error";
import { currentFacebookAuthorization } from "@/lib/channels/facebook/facebook-authorization";
import { fetchPageAccounts } from "@/lib/channels/facebook/fetch-page-accounts";
import { isPageAdmin } from "@/lib/channels/facebook/page-choice";
import { subscribePageWebhooks } from "@/lib/channels/facebook/page-subscription";
import { assertNotConnectedByOther, existingChannelSelect } from "@/lib/channels/existing-connection";
import { connectRaceConflict } from "@/lib/channels/connect-race-conflict";
import { announceConnectedChannel, saveConnectedChannel, type ConnectedChannel } from "@/lib/channels/save-connected-channel";


const pageTaken = () =>
  new AppError("conflict", "This page is already connected to another workspace.", { reason: "page_taken" });

export async function connectFacebookPage(user: SessionUser, pageId: string): Promise<ConnectedChannel> {
  const authorization = await currentFacebookAuthorization(user.id);
  if (!authorization) throw new AppError("conflict", "Sign in with Facebook first.", { reason: "facebook_login_required" });
  if (authorization.missingScopes.length > 0) {
    throw new AppError("forbidden", "Grant every permission on Facebook first.", { reason: "permissions_missing" });
  }

  const page = (await asFacebookStep(() => fetchPageAccounts(authorization.userToken))).find((account) => account.id === pageId);
  if (!page) throw new AppError("not_found", "Facebook does not list this page for you.", { reason: "page_not_found" });
  if (!isPageAdmin(page.tasks)) throw new AppError("forbidden", "Only a page admin can connect it.", { reason: "not_admin" });
  const pageToken = page.accessToken;
  if (!pageToken) throw new AppError("upstream_error", "Facebook gave no token for this page.", { reason: "facebook_unavailable" });

  const existing = await db().channel.findUnique({
    where: { platform_externalId: { platform: "facebook", externalId: pageId } },
    select: existingChannelSelect,
  });
  // Checked before subscribing, so another shop's live page is never touched.
  if (existing && existing.workspaceId !== user.workspaceId) throw pageTaken();
  assertNotConnectedByOther(user, existing);

  await asFacebookStep(() => subscribePageWebhooks(pageId, pageToken));

  const fresh = !existing || existing.status === "disconnected";
  const connection = {
    name: page.name,
    avatarUrl: page.pictureUrl,
    status: "connected" as const,
    statusReason: null,
    accessTokenEnc: encryptSecret(pageToken),
    // Page tokens from a long-lived user token do not expire; Facebook may still revoke them (190).
    tokenExpiresAt: null,
    disconnectedAt: null,
    authorizedByPlatformUserId: authorization.platformUserId,
  };
  let channelId: string;
  try {
    channelId = await saveConnectedChannel(db(), user, { platform: "facebook", externalId: pageId, existing, fresh }, connection);
  } catch (error) {
    // Someone connected the same page a moment ago: another workspace, or a colleague here.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw await connectRaceConflict(user, { platform: "facebook", externalId: pageId }, pageTaken);
    }
    throw error;
  }
  return announceConnectedChannel(user, channelId, fresh);
}
