// Zalo's redirect after the OA permission page (`?code&oa_id&state`, or an error): finishes the
// authorization (its state serves once), then back to the wizard with a notice or an error code.
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { completeZaloAuthorization } from "@/lib/channels/zalo/complete-zalo-authorization";
import { zaloWizardUrl } from "@/lib/channels/zalo/wizard-url";

async function outcomeQuery(request: NextRequest): Promise<Record<string, string>> {
  const user = await currentUser();
  if (!user || !(await mayManageChannels(user))) return {};
  const query = request.nextUrl.searchParams;
  // Zalo's refusal arrives as `error` (and sometimes `error_reason`); either means nothing was granted.
  const error = query.get("error") ?? query.get("error_reason");
  try {
    const result = await completeZaloAuthorization(user, { code: query.get("code"), state: query.get("state"), error });
    return result.outcome === "denied" ? { error: "denied" } : { notice: "authorized" };
  } catch (failure) {
    if (failure instanceof AppError) return { error: String(failure.params.reason ?? failure.code) };
    logger.error("Zalo authorization callback failed", { userId: user.id, error: failure });
    return { error: "internal" };
  }
}

export async function GET(request: NextRequest) {
  return NextResponse.redirect(zaloWizardUrl(await outcomeQuery(request)));
}
