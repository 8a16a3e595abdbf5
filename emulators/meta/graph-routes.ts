// Every Facebook endpoint the emulator serves, in matching order (specific paths before "/{id}").
import { addConversationRoutes } from "./conversations-api";
import { addGraphObjectRoutes } from "./graph-object-routes";
import { Router } from "../shared/http-router";
import { addOAuthDialogRoutes } from "./oauth-dialog-routes";
import { addOAuthRoutes } from "./oauth-routes";
import type { OutgoingDeps } from "./page-outgoing";
import { addSendApiRoutes } from "./send-api";
import { addSubscribedAppsRoutes } from "./subscribed-apps-routes";
import { addUserRoutes } from "./user-routes";

export function graphRouter(deps: OutgoingDeps): Router {
  const router = new Router();
  addOAuthDialogRoutes(router, deps.world);
  addOAuthRoutes(router, deps.world);
  addUserRoutes(router, deps.world);
  addSendApiRoutes(router, deps);
  addSubscribedAppsRoutes(router, deps.world);
  addConversationRoutes(router, deps.world);
  addGraphObjectRoutes(router, deps.world);
  return router;
}
