// GET /{id}: one Graph node by id — a page, a customer profile (PSID), a conversation, a message, a user.
import { conversationFields, authorizeThreadRead, messageNode } from "./conversations-api";
import { parseFields, selectFields } from "./fields";
import { graphErrors } from "./graph-errors";
import { customerFields, pageFields, userFields } from "./graph-nodes";
import { callerToken, param, requirePageToken } from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import type { World } from "./world";

export function addGraphObjectRoutes(router: Router, world: World): void {
  router.on("GET", "/:id", (ctx) => getNode(world, ctx));
}

function getNode(world: World, ctx: RequestContext): void {
  const id = ctx.params.id ?? "";
  const fields = parseFields(param(ctx, "fields"));
  const reply = (node: Record<string, unknown>): void => sendJson(ctx.res, 200, node);

  const found = world.message(id);
  if (found) return reply(messageNode(world, ctx, found.thread, found.message));

  const thread = world.thread(id);
  if (thread) {
    authorizeThreadRead(world, ctx, thread.pageId);
    return reply(
      selectFields("Conversation", fields, ["id", "updated_time"], conversationFields(world, ctx, thread)),
    );
  }

  // A PSID means something only to its own page, so only that page's token may read the profile.
  const customer = world.customer(id);
  if (customer) {
    requirePageToken(world, ctx, customer.pageId);
    return reply(
      selectFields(
        "User",
        fields,
        ["first_name", "last_name", "profile_pic", "id"],
        customerFields(world, customer),
      ),
    );
  }

  const token = callerToken(world, ctx);
  const page = world.page(id);
  if (page) {
    const role = token.kind === "user" ? world.role(token.userId, page.id) : undefined;
    return reply(selectFields("Page", fields, ["name", "id"], pageFields(world, page, role)));
  }
  const user = world.user(id);
  if (user && token.userId === user.id)
    return reply(selectFields("User", fields, ["name", "id"], userFields(world, user)));
  throw graphErrors.unknownObject(id);
}
