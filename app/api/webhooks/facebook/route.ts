// Messenger webhooks. Public on purpose: Facebook authenticates with the verify token (GET) and the
// X-Hub-Signature-256 of the raw body (POST). The POST answers as soon as the body is stored.
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/json-route";
import { webhookChallenge } from "@/lib/channels/facebook/webhook-verification";
import { ingestMessengerWebhook } from "@/lib/channels/facebook/webhook-ingest";

export const dynamic = "force-dynamic";

const statusText = { 200: "EVENT_RECEIVED", 400: "Bad Request", 403: "Forbidden", 413: "Payload Too Large" } as const;

export async function GET(request: Request) {
  const challenge = webhookChallenge(new URL(request.url).searchParams, env().META_VERIFY_TOKEN);
  if (challenge === null) return new Response("Forbidden", { status: 403 });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export async function POST(request: Request) {
  try {
    const status = await ingestMessengerWebhook(request);
    return new Response(statusText[status], { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    // Not stored (database unreachable): a 500 makes Facebook retry the same batch later.
    return errorResponse(error, request);
  }
}
