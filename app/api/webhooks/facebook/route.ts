// Messenger webhook verification: the GET handshake Facebook makes when the webhook URL is saved.
// Public on purpose: only a caller that knows our verify token gets the challenge back.
// The POST (events) never reaches Next.js: the custom server answers it first, for speed
// (lib/webhooks/serve-webhooks.ts).
import { facebookAppOrNull } from "@/lib/channels/facebook/facebook-app";
import { webhookChallenge } from "@/lib/channels/facebook/webhook-verification";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const app = facebookAppOrNull();
  const challenge = app && webhookChallenge(new URL(request.url).searchParams, app.verifyToken);
  if (challenge === null) return new Response("Forbidden", { status: 403 });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}
