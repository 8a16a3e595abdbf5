// Runs a Graph call with a channel's page token; if Facebook says the token is dead (190), the
// channel is marked "needs reconnect" before the error goes on to the caller.
import { decryptSecret } from "@/lib/crypto/secret-box";
import { isInvalidTokenError } from "@/lib/channels/facebook/graph-client";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import { tokenProblemOf } from "@/lib/channels/token-problem";

export async function withChannelToken<T>(
  channel: { id: string; accessTokenEnc: string },
  call: (pageToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(decryptSecret(channel.accessTokenEnc));
  } catch (error) {
    if (isInvalidTokenError(error)) await markChannelNeedsReconnect(channel.id, tokenProblemOf(error), channel.accessTokenEnc);
    throw error;
  }
}
