// Searching the conversation list by customer name: no case or Vietnamese diacritics needed, names
// changed later are found by their new name, wildcards are plain characters, and search never
// reaches past what the user may see.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listConversations } from "@/lib/inbox/list-conversations";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";

let admin: SessionUser;
let agent: SessionUser;
let channelId: string;
const ids: Record<string, string> = {};

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace());
  [agent] = (await createStaff(admin.workspaceId, 1)) as [SessionUser];
  channelId = await createChannel(admin.workspaceId, admin.id);
  const names = ["Nguyễn Văn An", "Trần Đức Bình", "Trần Thị Bình", "Lê 100% Cotton", "Ngô Thanh_Vân", null];
  for (const [index, name] of names.entries()) {
    ids[name ?? "unnamed"] = await addConversation({
      channelId,
      customer: name,
      lastMessageAt: new Date(Date.UTC(2026, 4, 1, 8, 60 - index)),
      assignee: index === 0 ? agent : admin,
    });
  }
});

async function search(user: SessionUser, q: string, tab: "mine" | "all" = "all"): Promise<string[]> {
  return (await listConversations(user, { tab, q })).conversations.map((conversation) => conversation.contact.name ?? "");
}

describe("search by customer name", () => {
  it("ignores case and Vietnamese diacritics, on both sides", async () => {
    expect(await search(admin, "nguyen")).toEqual(["Nguyễn Văn An"]);
    expect(await search(admin, "ĐỨC")).toEqual(["Trần Đức Bình"]);
    expect(await search(admin, "binh")).toEqual(["Trần Đức Bình", "Trần Thị Bình"]);
    expect(await search(admin, "  tran   thi ")).toEqual(["Trần Thị Bình"]);
    expect(await search(admin, "Bính")).toEqual(["Trần Đức Bình", "Trần Thị Bình"]);
  });

  it("finds a customer by a name that changed after the conversation started", async () => {
    await db().contact.updateMany({ where: { name: "Nguyễn Văn An" }, data: { name: "Phạm Quỳnh Anh" } });
    expect(await search(admin, "quynh")).toEqual(["Phạm Quỳnh Anh"]);
    expect(await search(admin, "nguyen")).toEqual([]);
  });

  it("treats % and _ as ordinary characters", async () => {
    expect(await search(admin, "100%")).toEqual(["Lê 100% Cotton"]);
    expect(await search(admin, "%")).toEqual(["Lê 100% Cotton"]);
    expect(await search(admin, "h_v")).toEqual(["Ngô Thanh_Vân"]);
  });

  it("searches only what the user may see, within the tab", async () => {
    expect(await search(agent, "an", "mine")).toEqual(["Nguyễn Văn An"]);
    expect(await search(agent, "binh", "mine")).toEqual([]);
    expect(await search(admin, "nguyen", "mine")).toEqual([]);
  });
});
