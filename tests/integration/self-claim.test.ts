// "Nhận chat" under real concurrency: many members claim the same conversation at once, each on
// its own connection; exactly one wins and the others' queues drop it live over Socket.io.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { claimConversation } from "@/lib/assignment/claim-conversation";
import { publishConversation } from "@/lib/inbox/publish-changes";
import { createRule } from "@/lib/assignment/save-rule";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

let realtime: RealtimeTestServer;

beforeAll(async () => {
  realtime = await startRealtimeTestServer();
});

afterAll(() => realtime.close());

let admin: SessionUser;
let workspaceId: string;
let channelId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  channelId = await createChannel(workspaceId, admin.id);
});

async function selfClaimRule(members: SessionUser[], name = "Tự nhận") {
  return createRule(admin, {
    name,
    sourceChannelIds: name === "Tự nhận" ? [channelId] : [],
    memberEmails: members.map((member) => member.email),
    method: "self_claim",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
  });
}

describe("self-claim", () => {
  it("puts a new conversation in the rule's queue, visible to every member", async () => {
    const members = await createStaff(workspaceId, 3);
    const rule = await selfClaimRule(members);
    const id = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "awaiting_claim", ruleId: rule.id, assigneeId: null });
  });

  it("tells every active member about a waiting conversation, and neither a locked member nor another rule's agent", async () => {
    const [ha, minh, locked, outsider] = await createStaff(workspaceId, 4);
    await selfClaimRule([ha!, minh!, locked!]);
    await selfClaimRule([outsider!], "Rule khác");
    const id = await receiveNewConversation(channelId);
    const sockets = await Promise.all([ha!, minh!, locked!, outsider!].map((user) => realtime.connectAs(user)));
    const heard = sockets.map((socket) => {
      const ids: string[] = [];
      socket.on("conversation:upsert", ({ conversation }: ServerEventPayload<"conversation:upsert">) => ids.push(conversation.id));
      return ids;
    });
    await db().user.update({ where: { id: locked!.id }, data: { active: false } });

    await publishConversation(id);

    await expect.poll(() => heard.slice(0, 2)).toEqual([[id], [id]]);
    // Anything meant for the other two left the server in the same emit loop: a moment is enough to see it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.slice(2)).toEqual([[], []]);
  });

  it("of 50 simultaneous claims exactly one wins; the 49 others are told who won", async () => {
    const members = await createStaff(workspaceId, 50);
    await selfClaimRule(members);
    const id = await receiveNewConversation(channelId);

    const results = await Promise.allSettled(members.map((member) => claimConversation(member, id)));

    const winners = results.flatMap((result, index) => (result.status === "fulfilled" ? [members[index]!] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const losers = results.filter((result) => result.status === "rejected").map((result) => result.reason);
    expect(losers).toHaveLength(49);
    for (const error of losers) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "conflict", params: { name: winner.name } });
    }
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "assigned", assigneeId: winner.id });
    expect(await db().assignmentEvent.findMany({ where: { conversationId: id } })).toMatchObject([
      { kind: "claimed", toUserId: winner.id, actorUserId: winner.id, reason: "claimed" },
    ]);
  });

  it("drops the conversation from the other members' queues at once, naming who claimed it", async () => {
    const [ha, minh] = await createStaff(workspaceId, 2);
    await selfClaimRule([ha!, minh!]);
    const id = await receiveNewConversation(channelId);
    const [haSocket, minhSocket] = await Promise.all([realtime.connectAs(ha!), realtime.connectAs(minh!)]);
    const removed = new Promise<ServerEventPayload<"conversation:removed">>((resolve) => minhSocket.on("conversation:removed", resolve));
    const upsert = new Promise<ServerEventPayload<"conversation:upsert">>((resolve) => haSocket.on("conversation:upsert", resolve));

    await claimConversation(ha!, id);

    await expect(removed).resolves.toEqual({ conversationId: id, reason: "claimed", byName: ha!.name });
    await expect(upsert).resolves.toMatchObject({ conversation: { id, state: "assigned", assignee: { id: ha!.id } } });
  });

  it("refuses claims from outside the rule or the workspace and changes nothing", async () => {
    const [member] = await createStaff(workspaceId, 1);
    const [outsider] = await createStaff(workspaceId, 1, { prefix: "outsider" });
    await selfClaimRule([member!]);
    await selfClaimRule([outsider!], "Nhóm khác");
    const other = await createWorkspace("Other");
    const [stranger] = await createStaff(other.workspaceId, 1, { prefix: "stranger" });
    const id = await receiveNewConversation(channelId);

    await expect(claimConversation(outsider!, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(claimConversation(admin, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(claimConversation(stranger!, id)).rejects.toMatchObject({ code: "not_found" });
    await db().user.update({ where: { id: member!.id }, data: { active: false } });
    await expect(claimConversation(member!, id)).rejects.toMatchObject({ code: "forbidden" });

    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "awaiting_claim", assigneeId: null });
    expect(await db().assignmentEvent.count()).toBe(0);
  });

  it("a second claim by the winner is harmless; a conversation no longer waiting cannot be claimed", async () => {
    const [ha, minh] = await createStaff(workspaceId, 2);
    const rule = await selfClaimRule([ha!, minh!]);
    const id = await receiveNewConversation(channelId);
    await claimConversation(ha!, id);
    await expect(claimConversation(ha!, id)).resolves.toMatchObject({ id, assignee: { id: ha!.id } });
    expect(await db().assignmentEvent.count()).toBe(1);

    const parked = await receiveNewConversation(channelId);
    await db().conversation.update({ where: { id: parked }, data: { state: "unassigned", ruleId: rule.id } });
    await expect(claimConversation(minh!, parked)).rejects.toMatchObject({ code: "conflict", params: {} });
  });
});
