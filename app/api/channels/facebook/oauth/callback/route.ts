// Facebook's redirect after the dialog: finishes the login (its state serves once), then back to the
// wizard with a notice or an error code the wizard explains.
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { completeFacebookLogin } from "@/lib/channels/facebook/complete-facebook-login";
import { facebookWizardUrl } from "@/lib/channels/facebook/wizard-url";

async function outcomeQuery(request: NextRequest): Promise<Record<string, string>> {
  const user = await currentUser();
  if (!user || !(await mayManageChannels(user))) return {};
  const query = request.nextUrl.searchParams;
  try {
    const result = await completeFacebookLogin(user, { code: query.get("code"), state: query.get("state"), error: query.get("error") });
    return result.outcome === "denied" ? { error: "denied" } : { notice: "authorized" };
  } catch (error) {
    if (error instanceof AppError) return { error: String(error.params.reason ?? error.code) };
    logger.error("Facebook login callback failed", { userId: user.id, error });
    return { error: "internal" };
  }
}

export async function GET(request: NextRequest) {
  return NextResponse.redirect(facebookWizardUrl(await outcomeQuery(request)));
}
