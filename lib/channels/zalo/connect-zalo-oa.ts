// "Kết nối OA này": connects (or reconnects) an OA the user authorised. The channel takes over the
// authorization's tokens (the single-use refresh token then belongs to the channel alone, so it is
// cleared from the authorization in the same transaction). Zalo has no per-OA webhook subscription:
// its webhooks are the app's, and arrive as soon as the OA is connected here.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { assertNotConnectedByOther, existingChannelSelect } from "@/lib/channels/existing-connection";
import { connectRaceConflict } from "@/lib/channels/connect-race-conflict";
import { announceConnectedChannel, saveConnectedChannel, type ConnectedChannel } from "@/lib/channels/save-connected-channel";
import { fetchOaInfo } from "@/lib/channels/zalo/oa-info";
import { asZaloStep } from "@/lib/channels/zalo/zalo-app-error";
import { currentZaloAuthorizations } from "@/lib/channels/zalo/zalo-authorizations";


const oaTaken = () => new AppError("conflict", "This OA is already connected to another workspace.", { reason: "zalo_oa_taken" });

export async function connectZaloOa(user: SessionUser, oaId: string): Promise<ConnectedChannel> {
  const authorization = (await currentZaloAuthorizations(user.id, oaId)).find((candidate) => candidate.refreshTokenEnc !== null);
  if (!authorization?.refreshTokenEnc) {
    throw new AppError("conflict", "Grant this OA's permission on Zalo first.", { reason: "zalo_login_required" });
  }
  const refreshTokenEnc = authorization.refreshTokenEnc;
  const oa = await asZaloStep(() => fetchOaInfo(authorization.accessToken));
  if (oa.id !== oaId) throw new AppError("not_found", "Zalo does not list this OA for you.", { reason: "zalo_oa_not_found" });

  const existing = await db().channel.findUnique({
    where: { platform_externalId: { platform: "zalo", externalId: oaId } },
    select: existingChannelSelect,
  });
  if (existing && existing.workspaceId !== user.workspaceId) throw oaTaken();
  assertNotConnectedByOther(user, existing);

  const fresh = !existing || existing.status === "disconnected";
  const connection = {
    name: oa.name,
    avatarUrl: oa.avatarUrl,
    status: "connected" as const,
    statusReason: null,
    accessTokenEnc: encryptSecret(authorization.accessToken),
    refreshTokenEnc,
    tokenExpiresAt: authorization.expiresAt,
    tokenRefreshedAt: null,
    disconnectedAt: null,
  };
  let channelId: string;
  try {
    channelId = await db().$transaction(async (tx) => {
      // Spent here, or by a parallel connect: each refresh token goes to one channel only.
      const handedOver = await tx.channelAuthorization.updateMany({ where: { id: authorization.id, refreshTokenEnc: { not: null } }, data: { refreshTokenEnc: null } });
      if (handedOver.count === 0) throw new AppError("conflict", "Grant this OA's permission on Zalo first.", { reason: "zalo_login_required" });
      return saveConnectedChannel(tx, user, { platform: "zalo", externalId: oaId, existing, fresh }, connection);
    });
  } catch (error) {
    // Someone connected the same OA a moment ago: another workspace, or a colleague here.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw await connectRaceConflict(user, { platform: "zalo", externalId: oaId }, oaTaken);
    }
    throw error;
  }
  return announceConnectedChannel(user, channelId, fresh);
}
