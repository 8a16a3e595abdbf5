// What someone who may not see a conversation is told, route by route: an agent outside its rule
// gets 404 everywhere, claim included (issue 9, item 6a); a member of its self-claim rule who lost
// "Nhận chat" is told who took it when opening it again (item 7).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { claimConversation } from "@/lib/assignment/claim-conversation";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";
import { createRule } from "@/lib/assignment/save-rule";
import { getConversation } from "@/lib/inbox/get-conversation";
import { listMessages } from "@/lib/inbox/list-messages";
import { markConversationSeen } from "@/lib/inbox/mark-conversation-seen";
import { reportTyping } from "@/lib/inbox/report-typing";
import { retryReply } from "@/lib/inbox/retry-reply";
import { sendReply } from "@/lib/inbox/send-reply";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";

let admin: SessionUser;
let ha: SessionUser;
let minh: SessionUser;
let outsider: SessionUser;
let conversationId: string;

beforeEach(async () => {
  await resetDatabase();
  const workspace = await createWorkspace();
  admin = workspace.admin;
  const channelId = await createChannel(workspace.workspaceId, admin.id);
  [ha, minh] = (await createStaff(workspace.workspaceId, 2)) as [SessionUser, SessionUser];
  [outsider] = (await createStaff(workspace.workspaceId, 1, { prefix: "outsider" })) as [SessionUser];
  const rule = { oldConversationPolicy: "keep_unassigned", moveSources: false, method: "self_claim" } as const;
  await createRule(admin, { ...rule, name: "Tự nhận", sourceChannelIds: [channelId], memberEmails: [ha.email, minh.email] });
  await createRule(admin, { ...rule, name: "Nhóm khác", sourceChannelIds: [], memberEmails: [outsider.email] });
  conversationId = await receiveNewConversation(channelId);
});

/** Every route's domain call for one conversation, as `user` makes it. */
function everyRoute(user: SessionUser, failedReplyId: string) {
  return {
    claim: () => claimConversation(user, conversationId),
    conversation: () => getConversation(user, conversationId),
    messages: () => listMessages(user, conversationId, {}),
    reply: () => sendReply(user, conversationId, { clientMessageId: randomUUID(), text: "Dạ shop nghe ạ" }),
    seen: () => markConversationSeen(user, conversationId),
    typing: () => reportTyping(user, conversationId, true),
    assignmentHistory: () => listAssignmentHistory(user, conversationId),
    retry: () => retryReply(user, failedReplyId),
  };
}

async function failedReply(): Promise<string> {
  const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { channelId: true } });
  const message = await db().message.create({
    data: { conversationId, channelId: conversation.channelId, direction: "outbound", senderKind: "agent", senderUserId: ha.id, text: "Dạ", status: "failed" },
  });
  return message.id;
}

describe("item 6a: an agent outside the conversation's rule gets 404 on every route", () => {
  it("while the conversation waits in the queue, and after it was claimed, changing nothing", async () => {
    const retryId = await failedReply();
    for (const [route, call] of Object.entries(everyRoute(outsider, retryId))) {
      await expect(call(), route).rejects.toMatchObject({ code: "not_found", status: 404 });
    }
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ state: "awaiting_claim", assigneeId: null });

    await claimConversation(ha, conversationId);
    for (const [route, call] of Object.entries(everyRoute(outsider, retryId))) {
      await expect(call(), route).rejects.toMatchObject({ code: "not_found", status: 404 });
    }
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ assigneeId: ha.id });
    expect(await db().message.count()).toBe(1);
    expect(await db().assignmentEvent.count()).toBe(1);
  });

  it("an admin, who sees the conversation, is refused the claim with 403", async () => {
    await expect(claimConversation(admin, conversationId)).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });
});

describe("item 7: a rule member who lost the claim is told who took it when opening it again", () => {
  it("answers the member with a conflict naming the claimer, and others with 404", async () => {
    await claimConversation(ha, conversationId);

    const claimed = { code: "conflict", status: 409, params: { reason: "claimed", name: ha.name } };
    await expect(getConversation(minh, conversationId)).rejects.toMatchObject(claimed);
    await expect(listMessages(minh, conversationId, {})).rejects.toMatchObject(claimed);
    await expect(claimConversation(minh, conversationId)).rejects.toMatchObject(claimed);

    await expect(getConversation(outsider, conversationId)).rejects.toMatchObject({ code: "not_found" });
    await db().user.update({ where: { id: minh.id }, data: { active: false } });
    await expect(getConversation(minh, conversationId)).rejects.toMatchObject({ code: "not_found" });
  });
});
