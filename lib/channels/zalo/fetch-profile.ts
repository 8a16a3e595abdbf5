// Reads a Zalo user's display name and avatar (GET /v3.0/oa/user/detail) with the OA's token
// (docs/platforms/zalo.md, "Profile"). Every failure is the caller's to tolerate.
import { z } from "zod";
import type { ChannelCredentials, CustomerProfile } from "@/lib/channels/channel-provider";
import { withOaToken } from "@/lib/channels/zalo/with-oa-token";
import { oaRequest } from "@/lib/channels/zalo/zalo-client";

/** Profiles are a nicety on the receive path: never let a slow Zalo hold up the inbox for long. */
const PROFILE_TIMEOUT_MS = 3_000;

const profileSchema = z.object({
  data: z.object({
    display_name: z.string().nullish(),
    avatar: z.string().nullish(),
    avatars: z.record(z.string(), z.string()).nullish(),
  }),
});

export async function fetchZaloProfile(channel: ChannelCredentials, userId: string): Promise<CustomerProfile> {
  const { data } = await withOaToken(channel, (token) =>
    oaRequest(token, { path: "/v3.0/oa/user/detail", data: { user_id: userId }, schema: profileSchema, timeoutMs: PROFILE_TIMEOUT_MS }),
  );
  return { name: data.display_name || null, avatarUrl: data.avatars?.["240"] ?? data.avatars?.["120"] ?? data.avatar ?? null };
}
