// Facebook's redirect after the dialog: finishes the login, then back to the wizard with a notice
// or an error code the wizard explains. The state cookie is cleared whatever happens (single use).
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { completeFacebookLogin } from "@/lib/channels/facebook/complete-facebook-login";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_COOKIE_PATH } from "@/lib/channels/facebook/oauth-state";
import { facebookWizardUrl } from "@/lib/channels/facebook/wizard-url";

async function outcomeQuery(request: NextRequest): Promise<Record<string, string>> {
  const user = await currentUser();
  if (user?.role !== "admin") return {};
  const query = request.nextUrl.searchParams;
  try {
    const result = await completeFacebookLogin(
      user,
      { code: query.get("code"), state: query.get("state"), error: query.get("error") },
      request.cookies.get(OAUTH_STATE_COOKIE)?.value,
    );
    return result.outcome === "denied" ? { error: "denied" } : { notice: "authorized" };
  } catch (error) {
    if (error instanceof AppError) return { error: String(error.params.reason ?? error.code) };
    logger.error("Facebook login callback failed", { userId: user.id, error });
    return { error: "internal" };
  }
}

export async function GET(request: NextRequest) {
  const response = NextResponse.redirect(facebookWizardUrl(await outcomeQuery(request)));
  response.cookies.set(OAUTH_STATE_COOKIE, "", { path: OAUTH_STATE_COOKIE_PATH, maxAge: 0, httpOnly: true, sameSite: "lax" });
  return response;
}
