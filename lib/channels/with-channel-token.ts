// Runs a platform call with a channel's token; if the platform says the token is dead, the channel
// is marked "needs reconnect" before the error goes on to the caller.
import { decryptSecret } from "@/lib/crypto/secret-box";
import { isTokenInvalid } from "@/lib/channels/channel-api-error";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";

export async function withChannelToken<T>(
  channel: { id: string; accessTokenEnc: string },
  call: (token: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(decryptSecret(channel.accessTokenEnc));
  } catch (error) {
    if (isTokenInvalid(error)) await markChannelNeedsReconnect(channel.id, error.tokenProblem, channel.accessTokenEnc);
    throw error;
  }
}
