// "Thêm kết nối" / "Cấp lại quyền": issues a single-use state and sends the browser to Facebook's dialog.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { startFacebookLogin } from "@/lib/channels/facebook/start-facebook-login";
import { facebookWizardUrl } from "@/lib/channels/facebook/wizard-url";

export async function GET(request: Request) {
  const user = await currentUser();
  // The wizard page itself sends visitors to sign in, and staff who may not manage channels to the 403 page.
  if (!user || !(await mayManageChannels(user))) return NextResponse.redirect(facebookWizardUrl());
  const rerequest = new URL(request.url).searchParams.get("rerequest") === "1";
  const { dialogUrl } = await startFacebookLogin(user.id, { rerequest });
  return NextResponse.redirect(dialogUrl);
}
