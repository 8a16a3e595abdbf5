// The customer page and the images and files the emulator serves in place of Zalo's CDN.
import { sendHtml, sendSvg } from "../shared/http-io";
import type { Router } from "../shared/http-router";
import { avatarSvg, mediaSvg } from "../shared/svg-images";
import { customerPageHtml } from "./customer-page";
import type { ZaloWorld } from "./world";

export function addAssetRoutes(router: Router, world: ZaloWorld): void {
  router.on("GET", "/_emulator", (ctx) => sendHtml(ctx.res, 200, customerPageHtml()));
  router.on("GET", "/_emulator/zalo/avatar/:file", (ctx) => {
    const id = (ctx.params.file ?? "").replace(/\.svg$/, "");
    const oaUser = world.oaUsers.find((u) => u.userId === id);
    const name =
      world.oa(id)?.name ?? (oaUser ? world.displayName(oaUser) : undefined) ?? world.person(id)?.name ?? "?";
    sendSvg(ctx.res, avatarSvg(id, name));
  });
  router.on("GET", "/_emulator/zalo/media/:file", (ctx) =>
    sendSvg(ctx.res, mediaSvg((ctx.params.file ?? "").replace(/\.svg$/, ""))),
  );
  /** Uploaded files keep no bytes: the link answers with a small stand-in document. */
  router.on("GET", "/_emulator/zalo/files/:id", (ctx) => {
    const upload = world.uploads.get(ctx.params.id ?? "");
    const body = Buffer.from(`Tệp giả lập: ${upload?.name ?? "không rõ"}\n`, "utf8");
    ctx.res.writeHead(upload ? 200 : 404, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": body.length,
    });
    ctx.res.end(body);
  });
}
