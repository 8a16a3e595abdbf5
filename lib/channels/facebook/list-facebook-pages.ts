// Steps 3-4 of the wizard: the signed-in user's Facebook pages, each with its state here. Page
// tokens are dropped before anything leaves the server.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { asFacebookStep } from "@/lib/channels/facebook/facebook-app-error";
import { currentFacebookAuthorization } from "@/lib/channels/facebook/facebook-authorization";
import { fetchPageAccounts } from "@/lib/channels/facebook/fetch-page-accounts";
import { existingChannelSelect } from "@/lib/channels/existing-connection";
import { fetchFacebookUser } from "@/lib/channels/facebook/oauth";
import { describePageChoice, type PageChoice } from "@/lib/channels/facebook/page-choice";

export interface FacebookPagesView {
  /** Null before the first "Thêm kết nối" (or once that login has run out). */
  account: { name: string; missingScopes: string[] } | null;
  pages: PageChoice[];
}

export async function listFacebookPages(user: SessionUser): Promise<FacebookPagesView> {
  const authorization = await currentFacebookAuthorization(user.id);
  if (!authorization) return { account: null, pages: [] };
  const [facebookUser, accounts] = await asFacebookStep(() =>
    Promise.all([fetchFacebookUser(authorization.userToken), fetchPageAccounts(authorization.userToken)]),
  );
  const channels = await db().channel.findMany({
    where: { platform: "facebook", externalId: { in: accounts.map((page) => page.id) } },
    select: existingChannelSelect,
  });
  const byPage = new Map(channels.map((channel) => [channel.externalId, channel]));
  return {
    account: { name: facebookUser.name, missingScopes: authorization.missingScopes },
    pages: accounts.map((page) => describePageChoice(page, byPage.get(page.id), user)),
  };
}
