// The end of a connect race: saving the channel hit the (platform, externalId) unique index because
// someone connected the account a moment ago. Who did decides the answer.
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import type { Platform } from "@/lib/generated/prisma/enums";
import { connectedByOther, existingChannelSelect, type Viewer } from "@/lib/channels/existing-connection";

/** Another workspace (`taken`), or a colleague here, who is named. */
export async function connectRaceConflict(viewer: Viewer, account: { platform: Platform; externalId: string }, taken: () => AppError): Promise<AppError> {
  const channel = await db().channel.findUnique({ where: { platform_externalId: account }, select: existingChannelSelect });
  return !channel || channel.workspaceId !== viewer.workspaceId ? taken() : connectedByOther(channel);
}
