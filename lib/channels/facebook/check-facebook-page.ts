// Facebook's part of the channel check: with the page's own token, ask which webhook fields the page
// still sends us (which also proves the token works) and subscribe again when Facebook has dropped
// some, as it does silently after deliveries fail for long enough.
import { decryptSecret } from "@/lib/crypto/secret-box";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { missingPageWebhookFields, subscribePageWebhooks } from "@/lib/channels/facebook/page-subscription";
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import type { ConnectionCheck } from "@/lib/channels/connection-check";

export async function checkFacebookPage(page: ChannelCredentials): Promise<ConnectionCheck> {
  const pageToken = decryptSecret(page.accessTokenEnc);
  try {
    const missingFields = await missingPageWebhookFields(page.externalId, pageToken);
    if (missingFields.length === 0) return { status: "healthy" };
    await subscribePageWebhooks(page.externalId, pageToken);
    return { status: "resubscribed", missingFields };
  } catch (error) {
    return failedCheck(error);
  }
}

function failedCheck(error: unknown): ConnectionCheck {
  if (!(error instanceof GraphError)) throw error;
  if (error.tokenProblem) return { status: "needs_reconnect", reason: error.tokenProblem };
  // A lasting refusal from Facebook itself (a permission or the page role taken back, the page
  // gone): only a new login can give the app the page again. Throttling, 5xx, timeouts and replies
  // we cannot read say nothing about the page; the next round asks again.
  if (error.failure === "facebook" && !error.transient) return { status: "needs_reconnect", reason: "webhooks_refused" };
  return { status: "unreachable", cause: error.failureCause };
}
