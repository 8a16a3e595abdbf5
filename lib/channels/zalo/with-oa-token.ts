// Runs an Open API call with an OA's access token. When Zalo says the token is invalid or expired
// (-216/-220, inside an HTTP 200), the token is refreshed once (refresh-oa-token.ts) and the call tried
// again; a second refusal, or no refresh to be had, leaves the channel "needs reconnect" and the
// token error goes on to the caller (a reply then waits for the reconnect).
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import { isTokenInvalid } from "@/lib/channels/channel-api-error";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import { withChannelToken } from "@/lib/channels/with-channel-token";
import { refreshOaToken } from "@/lib/channels/zalo/refresh-oa-token";

export async function withOaToken<T>(channel: Pick<ChannelCredentials, "id" | "accessTokenEnc">, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(decryptSecret(channel.accessTokenEnc));
  } catch (error) {
    if (!isTokenInvalid(error)) throw error;
    const refreshed = await refreshOaToken({ channelId: channel.id, rejectedTokenEnc: channel.accessTokenEnc });
    if (!refreshed.ok) {
      await markChannelNeedsReconnect(channel.id, error.tokenProblem, channel.accessTokenEnc);
      throw error;
    }
    return withChannelToken({ id: channel.id, accessTokenEnc: refreshed.accessTokenEnc }, call);
  }
}
