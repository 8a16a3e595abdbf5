// The OA's own profile (/v2.0/oa/getoa) and a user's profile as the OA sees them (/v3.0/oa/user/detail).
import { z } from "zod";
import type { Router } from "../shared/http-router";
import type { ZaloDeps } from "./oa-outgoing";
import { authenticate, dataParam, sendSuccess } from "./open-api-request";
import { zaloErrors } from "./zalo-errors";

const userDetailSchema = z.object({ user_id: z.string().min(1) });

export function addProfileRoutes(router: Router, { world }: ZaloDeps): void {
  router.on("GET", "/v2.0/oa/getoa", (ctx) => {
    const oa = authenticate(world, ctx);
    sendSuccess(ctx, {
      oa_id: oa.id,
      name: oa.name,
      description: oa.description,
      avatar: world.avatarUrl(oa.id),
      cover: world.absolute(`/_emulator/zalo/media/cover-${oa.id}.svg`),
    });
  });

  // The SDKs still call the v2.0 name of the same lookup.
  for (const path of ["/v3.0/oa/user/detail", "/v2.0/oa/getprofile"])
    router.on("GET", path, (ctx) => {
      const oa = authenticate(world, ctx);
      const { user_id: userId } = dataParam(ctx, userDetailSchema);
      const user = world.oaUser(oa.id, userId);
      if (!user) throw zaloErrors.unknownUser();
      const person = world.person(user.personId);
      const avatar = world.avatarUrl(user.userId);
      sendSuccess(ctx, {
        user_id: user.userId,
        user_id_by_app: user.userIdByApp,
        display_name: world.displayName(user),
        user_alias: world.displayName(user),
        avatar,
        avatars: { "120": avatar, "240": avatar },
        user_is_follower: user.following,
        // Only what the user chose to share with the OA (through a form or "Chia sẻ thông tin").
        shared_info: person?.phone
          ? { phone: person.phone, address: person.address ?? "", name: person.name }
          : {},
      });
    });
}
