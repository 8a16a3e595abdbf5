// Step 4, "Kết nối fanpage này": re-checks with Facebook that the admin manages the page (the
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
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";
import { resumeReconnectedChannel } from "@/lib/channels/resume-reconnected-channel";

export interface ConnectedPage {
  channelId: string;
  /** True for a new connection (or one that was disconnected): the admin picks the chat mode next. */
  needsChatMode: boolean;
}

const pageTaken = () =>
  new AppError("conflict", "This page is already connected to another workspace.", { reason: "page_taken" });

export async function connectFacebookPage(admin: SessionUser, pageId: string): Promise<ConnectedPage> {
  const authorization = await currentFacebookAuthorization(admin.id);
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
    select: { id: true, workspaceId: true, status: true },
  });
  // Checked before subscribing, so another shop's live page is never touched.
  if (existing && existing.workspaceId !== admin.workspaceId) throw pageTaken();

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
    if (existing) {
      // A reconnect after "needs reconnect" keeps the owner of an "only me" page; after a
      // disconnect it is a new connection, owned by whoever makes it.
      const owner = fresh ? { connectedById: admin.id, connectedAt: new Date() } : {};
      await db().channel.update({ where: { id: existing.id }, data: { ...connection, ...owner } });
      channelId = existing.id;
    } else {
      const created = await db().channel.create({
        data: { ...connection, workspaceId: admin.workspaceId, platform: "facebook", externalId: pageId, connectedById: admin.id },
        select: { id: true },
      });
      channelId = created.id;
    }
  } catch (error) {
    // Another workspace connected the same page a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw pageTaken();
    throw error;
  }
  publishChannelUpdate(admin.workspaceId, channelId);
  // A reconnected page keeps its chat permission, so the replies that waited for it go out and a sync
  // the dead token paused goes on now; a new connection starts its sync after the chat-permission step.
  if (!fresh) await resumeReconnectedChannel(channelId);
  return { channelId, needsChatMode: fresh };
}
