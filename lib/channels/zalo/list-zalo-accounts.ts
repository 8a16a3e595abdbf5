// The OAs the signed-in user authorised on Zalo's permission page, each with its state here (the
// wizard's list, like Facebook's pages). Tokens never leave the server. An OA already connected is
// described from its channel: its authorization's token may have been replaced by a refresh since.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/auth/session";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import { existingChannelSelect } from "@/lib/channels/existing-connection";
import { fetchOaInfo } from "@/lib/channels/zalo/oa-info";
import { describeOaChoice, type OaChoice } from "@/lib/channels/zalo/oa-choice";
import { currentZaloAuthorizations } from "@/lib/channels/zalo/zalo-authorizations";

export interface ZaloAccountsView {
  oas: OaChoice[];
}

export async function listZaloAccounts(user: SessionUser): Promise<ZaloAccountsView> {
  const authorizations = await currentZaloAuthorizations(user.id);
  const channels = await db().channel.findMany({
    where: { platform: "zalo", externalId: { in: authorizations.map((authorization) => authorization.oaId) } },
    select: { ...existingChannelSelect, name: true, avatarUrl: true },
  });
  const byOa = new Map(channels.map((channel) => [channel.externalId, channel]));
  const oas: OaChoice[] = [];
  for (const authorization of authorizations) {
    const channel = byOa.get(authorization.oaId);
    const connectable = authorization.refreshTokenEnc !== null;
    if (!connectable && channel) {
      oas.push(describeOaChoice({ id: authorization.oaId, name: channel.name, avatarUrl: channel.avatarUrl, connectable }, channel, user));
      continue;
    }
    try {
      const oa = await fetchOaInfo(authorization.accessToken);
      oas.push(describeOaChoice({ ...oa, connectable }, channel, user));
    } catch (error) {
      if (!(error instanceof ChannelApiError)) throw error;
      // This grant no longer works: the OA is left out until the admin grants it again.
      logger.warn("A Zalo authorization could not be read; its OA is not listed", { userId: user.id, ...error.logFields() });
    }
  }
  return { oas };
}
