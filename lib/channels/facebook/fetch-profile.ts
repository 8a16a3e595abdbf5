// Reads a Messenger customer's name and picture (User Profile API) with the page token. A 190 marks
// the channel "needs reconnect" (withChannelToken); every failure is the caller's to tolerate.
import { z } from "zod";
import { graphRequest } from "@/lib/channels/facebook/graph-client";
import type { CustomerProfile } from "@/lib/channels/channel-provider";
import { withChannelToken } from "@/lib/channels/with-channel-token";

/** Profiles are a nicety on the receive path: never let a slow Graph hold up the inbox for long. */
const PROFILE_TIMEOUT_MS = 3_000;

const profileSchema = z.object({
  name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  profile_pic: z.string().nullish(),
});

export async function fetchProfile(
  channel: { id: string; accessTokenEnc: string },
  psid: string,
): Promise<CustomerProfile> {
  const reply = await withChannelToken(channel, (pageToken) =>
    graphRequest({
      path: encodeURIComponent(psid),
      accessToken: pageToken,
      query: { fields: "name,first_name,last_name,profile_pic" },
      schema: profileSchema,
      timeoutMs: PROFILE_TIMEOUT_MS,
    }),
  );
  // `name` is in the user's own locale order; Vietnamese puts the family name first otherwise.
  const composed = [reply.last_name, reply.first_name].filter(Boolean).join(" ");
  return { name: reply.name || composed || null, avatarUrl: reply.profile_pic ?? null };
}
