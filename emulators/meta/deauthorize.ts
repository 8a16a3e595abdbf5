// A user removes the app on Facebook: the grant and every token die, and Facebook calls the deauthorize URL.
import { signedRequest } from "./signed-request";
import { invalidateTokens } from "./tokens";
import type { WebhookSender } from "./webhook-delivery";
import type { World } from "./world";
import type { WebhookDelivery } from "./world-types";

export async function deauthorizeUser(
  world: World,
  webhooks: WebhookSender,
  userId: string,
): Promise<{ tokensInvalidated: number; callback?: WebhookDelivery }> {
  world.grants.delete(userId);
  const tokensInvalidated = invalidateTokens(world, { userId }, "app_not_installed");
  const url = world.config.deauthorizeUrl;
  if (!url) return { tokensInvalidated };
  const signed = signedRequest(world.config.appSecret, {
    algorithm: "HMAC-SHA256",
    issued_at: Math.floor(world.now() / 1000),
    user_id: userId,
  });
  return {
    tokensInvalidated,
    callback: await webhooks.postForm("deauthorize", url, { signed_request: signed }),
  };
}
