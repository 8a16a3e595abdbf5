// "Kết nối OA này": connects (or reconnects) an OA the admin authorised. The channel takes over the
// authorization's tokens (the single-use refresh token then belongs to the channel alone, so it is
// cleared from the authorization in the same transaction). Zalo has no per-OA webhook subscription:
// its webhooks are the app's, and arrive as soon as the OA is connected here.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";
import { resumeReconnectedChannel } from "@/lib/channels/resume-reconnected-channel";
import { fetchOaInfo } from "@/lib/channels/zalo/oa-info";
import { asZaloStep } from "@/lib/channels/zalo/zalo-app-error";
import { currentZaloAuthorizations } from "@/lib/channels/zalo/zalo-authorizations";

export interface ConnectedOa {
  channelId: string;
  /** True for a new connection (or one that was disconnected): the admin picks the chat mode next. */
  needsChatMode: boolean;
}

const oaTaken = () => new AppError("conflict", "This OA is already connected to another workspace.", { reason: "page_taken" });

export async function connectZaloOa(admin: SessionUser, oaId: string): Promise<ConnectedOa> {
  const authorization = (await currentZaloAuthorizations(admin.id, oaId)).find((candidate) => candidate.refreshTokenEnc !== null);
  if (!authorization?.refreshTokenEnc) {
    throw new AppError("conflict", "Grant this OA's permission on Zalo first.", { reason: "zalo_login_required" });
  }
  const refreshTokenEnc = authorization.refreshTokenEnc;
  const oa = await asZaloStep(() => fetchOaInfo(authorization.accessToken));
  if (oa.id !== oaId) throw new AppError("not_found", "Zalo does not list this OA for you.", { reason: "page_not_found" });

  const existing = await db().channel.findUnique({
    where: { platform_externalId: { platform: "zalo", externalId: oaId } },
    select: { id: true, workspaceId: true, status: true },
  });
  if (existing && existing.workspaceId !== admin.workspaceId) throw oaTaken();

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
      if (existing) {
        // A reconnect after "needs reconnect" keeps the owner of an "only me" OA; after a disconnect
        // it is a new connection, owned by whoever makes it.
        const owner = fresh ? { connectedById: admin.id, connectedAt: new Date() } : {};
        await tx.channel.update({ where: { id: existing.id }, data: { ...connection, ...owner } });
        return existing.id;
      }
      const created = await tx.channel.create({
        data: { ...connection, workspaceId: admin.workspaceId, platform: "zalo", externalId: oaId, connectedById: admin.id },
        select: { id: true },
      });
      return created.id;
    });
  } catch (error) {
    // Another workspace connected the same OA a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw oaTaken();
    throw error;
  }
  publishChannelUpdate(admin.workspaceId, channelId);
  // A reconnected OA keeps its chat permission, so the replies that waited for it go out and a sync
  // the dead token paused goes on now; a new connection starts its sync after the chat-permission step.
  if (!fresh) await resumeReconnectedChannel(channelId);
  return { channelId, needsChatMode: fresh };
}
