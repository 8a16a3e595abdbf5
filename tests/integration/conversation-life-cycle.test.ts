// "Đánh dấu đã xử lý", "Mở lại" and a customer who writes again, against real PostgreSQL: what the
// tabs hold, who has the conversation, and what the assignment history records.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { createRule } from "@/lib/assignment/save-rule";
import { closeConversation, reopenConversation } from "@/lib/assignment/close-conversation";
import { setAvailability } from "@/lib/availability/set-availability";
import { tabConversationsWhere, type ConversationTab } from "@/lib/inbox/conversation-tabs";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { customerWrites } from "../support/customer-writes";

let admin: SessionUser;
let workspaceId: string;
let ha: SessionUser;
let minh: SessionUser;
let channelId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  [ha, minh] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
  channelId = await createChannel(workspaceId, admin.id);
  await createRule(admin, {
    name: "Bán hàng",
    sourceChannelIds: [channelId],
    memberEmails: [ha.email, minh.email],
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
  });
});

async function tabIds(user: SessionUser, tab: ConversationTab): Promise<string[]> {
  const rows = await db().conversation.findMany({ where: tabConversationsWhere(user, tab, await visibleConversationsFor(user)), select: { id: true } });
  return rows.map((row) => row.id);
}

const conversation = (id: string) => db().conversation.findUniqueOrThrow({ where: { id }, select: { state: true, assigneeId: true } });
const events = async (id: string) =>
  (await db().assignmentEvent.findMany({ where: { conversationId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => ({
    kind: event.kind,
    reason: event.reason,
    from: event.fromUserId,
    to: event.toUserId,
  }));

describe("closing and reopening", () => {
  it("moves a closed conversation from Của tôi to Đã xử lý, and the customer writing again brings it back to the same agent", async () => {
    const id = await receiveNewConversation(channelId);
    expect((await conversation(id)).assigneeId).toBe(ha.id);

    await closeConversation(ha, id);
    expect(await conversation(id)).toEqual({ state: "closed", assigneeId: ha.id });
    expect(await tabIds(ha, "mine")).toEqual([]);
    expect(await tabIds(ha, "done")).toEqual([id]);

    await customerWrites(id);
    expect(await conversation(id)).toEqual({ state: "assigned", assigneeId: ha.id });
    expect(await tabIds(ha, "mine")).toEqual([id]);
    expect(await tabIds(ha, "done")).toEqual([]);
    expect((await events(id)).slice(1)).toEqual([
      { kind: "closed", reason: "marked_done", from: ha.id, to: null },
      { kind: "reopened", reason: "customer_wrote_again", from: null, to: ha.id },
    ]);
  });

  it("routes a reopened conversation to a colleague when its agent is away, recording both steps", async () => {
    const id = await receiveNewConversation(channelId);
    await closeConversation(ha, id);
    await setAvailability(ha, "away");

    await customerWrites(id);
    expect(await conversation(id)).toEqual({ state: "assigned", assigneeId: minh.id });
    expect((await events(id)).slice(-2)).toEqual([
      { kind: "reopened", reason: "customer_wrote_again", from: ha.id, to: null },
      { kind: "assigned", reason: "round_robin", from: null, to: minh.id },
    ]);
  });

  it("refuses an agent closing a colleague's conversation and changes nothing", async () => {
    const id = await receiveNewConversation(channelId);
    await expect(closeConversation(minh, id)).rejects.toMatchObject({ code: "not_found" });
    // A colleague who can see it (an admin aside) is refused with the reason the UI translates.
    await db().conversation.update({ where: { id }, data: { state: "awaiting_claim", assigneeId: null } });
    await expect(closeConversation(minh, id)).rejects.toMatchObject({ code: "forbidden", params: { reason: "not_in_charge" } });
    expect(await conversation(id)).toEqual({ state: "awaiting_claim", assigneeId: null });
    expect(await events(id)).toHaveLength(1);
  });

  it("reopens by hand (Mở lại) to the agent's Của tôi, and an admin may close and reopen anyone's", async () => {
    const id = await receiveNewConversation(channelId);
    await closeConversation(admin, id);
    await reopenConversation(ha, id);
    expect(await conversation(id)).toEqual({ state: "assigned", assigneeId: ha.id });
    expect(await tabIds(ha, "mine")).toEqual([id]);
    expect((await events(id)).slice(1).map((event) => `${event.kind}:${event.reason}`)).toEqual(["closed:marked_done", "reopened:reopened_by_hand"]);
  });
});
