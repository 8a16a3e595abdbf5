// Control API for page subscriptions: drop one on demand, as Facebook does on its own after a page's
// webhooks have failed for long enough, so the app's channel check can be tested and tried in the demo.
import { z } from "zod";
import { notFound, parseControl } from "../shared/control-http";
import { sendPlainJson } from "../shared/http-io";
import type { Router } from "../shared/http-router";
import type { World } from "./world";

const dropSubscriptionSchema = z.object({ pageId: z.string().min(1) });

export function addSubscriptionControlRoutes(router: Router, world: World): void {
  router.on("POST", "/_emulator/subscriptions/drop", (ctx) => {
    const { pageId } = parseControl(dropSubscriptionSchema, ctx);
    if (!world.page(pageId)) throw notFound(`Page ${pageId}`);
    sendPlainJson(ctx.res, 200, { dropped: world.subscriptions.delete(pageId) });
  });
}
