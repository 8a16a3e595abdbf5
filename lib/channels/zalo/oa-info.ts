// The OA an access token belongs to (GET /v2.0/oa/getoa): its name and avatar for the wizard and
// the channel list, and the cheapest call that proves a token still works.
import { z } from "zod";
import { oaRequest } from "@/lib/channels/zalo/zalo-client";

const oaInfoSchema = z.object({
  data: z.object({
    oa_id: z.coerce.string(),
    name: z.string(),
    description: z.string().nullish(),
    avatar: z.string().nullish(),
  }),
});

export interface OaInfo {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export async function fetchOaInfo(accessToken: string): Promise<OaInfo> {
  const { data } = await oaRequest(accessToken, { path: "/v2.0/oa/getoa", schema: oaInfoSchema });
  return { id: data.oa_id, name: data.name, avatarUrl: data.avatar || null };
}
