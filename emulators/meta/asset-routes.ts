// The customer page and the images the emulator serves in place of Facebook's CDN.
import { customerPageHtml } from "./customer-page";
import { sendHtml, sendSvg } from "../shared/http-io";
import type { Router } from "../shared/http-router";
import { avatarSvg, mediaSvg } from "../shared/svg-images";
import { likeStickerSvg } from "./like-sticker";
import type { World } from "./world";

export function addAssetRoutes(router: Router, world: World): void {
  router.on("GET", "/_emulator", (ctx) => sendHtml(ctx.res, 200, customerPageHtml()));
  router.on("GET", "/_emulator/avatar/:file", (ctx) => {
    const id = (ctx.params.file ?? "").replace(/\.svg$/, "");
    const name = world.user(id)?.name ?? world.page(id)?.name ?? world.customer(id)?.name ?? "?";
    sendSvg(ctx.res, avatarSvg(id, name));
  });
  router.on("GET", "/_emulator/media/:file", (ctx) =>
    sendSvg(ctx.res, mediaSvg((ctx.params.file ?? "").replace(/\.svg$/, ""))),
  );
  router.on("GET", "/_emulator/sticker/like.svg", (ctx) => sendSvg(ctx.res, likeStickerSvg()));
}
