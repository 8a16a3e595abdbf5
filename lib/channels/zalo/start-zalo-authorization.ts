// "Thêm kết nối" for Zalo: a fresh single-use `state` for this user and the OA permission page URL
// carrying it with the PKCE challenge of the verifier derived from that state.
import { issueOAuthState } from "@/lib/channels/oauth-state";
import { zaloPermissionUrl } from "@/lib/channels/zalo/oauth";
import { codeVerifierFor } from "@/lib/channels/zalo/pkce";

export async function startZaloAuthorization(userId: string): Promise<{ dialogUrl: string }> {
  const state = await issueOAuthState(userId);
  return { dialogUrl: zaloPermissionUrl({ state, codeVerifier: codeVerifierFor(state) }) };
}
