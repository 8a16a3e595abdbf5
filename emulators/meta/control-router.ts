// Every /_emulator route: the control API, the customer page and its images.
import { addAssetRoutes } from "./asset-routes";
import { addControlRoutes } from "./control-api";
import { addControlCustomerRoutes } from "./control-customer-routes";
import { Router } from "../shared/http-router";
import type { OutgoingDeps } from "./page-outgoing";
import { addSubscriptionControlRoutes } from "./subscription-control-routes";

export function controlRouter(deps: OutgoingDeps): Router {
  const router = new Router();
  addAssetRoutes(router, deps.world);
  addControlRoutes(router, deps);
  addControlCustomerRoutes(router, deps);
  addSubscriptionControlRoutes(router, deps.world);
  return router;
}
