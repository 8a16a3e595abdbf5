// Step 1 of the wizard, "Thêm kết nối": a fresh single-use `state` for this user and the Facebook
// dialog URL that carries it.
import { facebookDialogUrl } from "@/lib/channels/facebook/oauth";
import { issueOAuthState } from "@/lib/channels/oauth-state";

export async function startFacebookLogin(userId: string, { rerequest }: { rerequest: boolean }): Promise<{ dialogUrl: string }> {
  return { dialogUrl: facebookDialogUrl({ state: await issueOAuthState(userId), rerequest }) };
}
