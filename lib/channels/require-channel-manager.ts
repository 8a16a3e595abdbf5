// The doors of "Cấu hình Kênh chat": admins always, staff while the workspace lets them connect their
// own pages (channel-access-scope.ts).
import { forbidden } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePageUser, requireUser, type SessionUser } from "@/lib/auth/session";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";

const channelScreensAdminOnly = () =>
  new AppError("forbidden", "Only an admin of the workspace can manage channels here.", { reason: "channels_admin_only" });

/** For route handlers: 401 signed out, 403 for staff while the workspace keeps channels to admins. */
export async function requireChannelManager(): Promise<SessionUser> {
  const user = await requireUser();
  if (!(await mayManageChannels(user))) throw channelScreensAdminOnly();
  return user;
}

/** For pages: the 403 page for staff while the workspace keeps channels to admins. */
export async function requirePageChannelManager(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (!(await mayManageChannels(user))) forbidden();
  return user;
}

