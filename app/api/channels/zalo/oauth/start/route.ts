// "Thêm kết nối" for Zalo: issues a single-use state and sends the browser to Zalo's OA permission page.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { startZaloAuthorization } from "@/lib/channels/zalo/start-zalo-authorization";
import { zaloWizardUrl } from "@/lib/channels/zalo/wizard-url";

export async function GET() {
  const user = await currentUser();
  // The wizard page itself sends visitors to sign in, and staff who may not manage channels to the 403 page.
  if (!user || !(await mayManageChannels(user))) return NextResponse.redirect(zaloWizardUrl());
  const { dialogUrl } = await startZaloAuthorization(user.id);
  return NextResponse.redirect(dialogUrl);
}
