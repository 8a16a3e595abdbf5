// Zalo's part of the channel check: the OA's token still works (getoa, refreshed once on -216/-220 by
// withOaToken). Zalo has no webhook subscription to renew: webhooks are the app's, set in Zalo's
// developer console.
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import type { ConnectionCheck } from "@/lib/channels/connection-check";
import { fetchOaInfo } from "@/lib/channels/zalo/oa-info";
import { withOaToken } from "@/lib/channels/zalo/with-oa-token";
import { ZaloError } from "@/lib/channels/zalo/zalo-client";

export async function checkZaloOa(channel: ChannelCredentials): Promise<ConnectionCheck> {
  try {
    await withOaToken(channel, fetchOaInfo);
    return { status: "healthy" };
  } catch (error) {
    if (!(error instanceof ZaloError)) throw error;
    if (error.tokenProblem) return { status: "needs_reconnect", reason: error.tokenProblem };
    return { status: "unreachable", cause: error.failureCause };
  }
}
