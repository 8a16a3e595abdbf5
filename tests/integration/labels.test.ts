// Labels ("Nhãn", issue 15, item 3): admins define them (agents get 403), names are unique ignoring
// accents and case, anyone who sees a conversation labels it (404 for anyone else), the list filters
// by label within what the viewer may see, counts per label count only that, and the changes are
// published to whoever sees the conversation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { setRealtimePublisher, type Emission } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { getConversation } from "@/lib/inbox/get-conversation";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listChangedConversations } from "@/lib/inbox/list-changed-conversations";
import { createLabel, updateLabel } from "@/lib/labels/save-label";
import { deleteLabel } from "@/lib/labels/delete-label";
import { listLabels } from "@/lib/labels/list-labels";
import { setConversationLabel } from "@/lib/labels/set-conversation-label";
import { LABEL_NAME_MAX } from "@/lib/labels/label-limits";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";
import { statusOf } from "../support/route-status";

let admin: SessionUser;
let ha: SessionUser;
let minh: SessionUser;
let c: Record<"ha1" | "ha2" | "minh1" | "admin1", string>;
let published: Emission[];

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function ids(user: SessionUser, query: Parameters<typeof listConversations>[1]): Promise<string[]> {
  return (await listConversations(user, query)).conversations.map((conversation) => conversation.id);
}

const countsOf = async (user: SessionUser) => Object.fromEntries((await listLabels(user)).map((label) => [label.name, label.count]));

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace("Shop Hoa Mai"));
  [ha, minh] = (await createStaff(admin.workspaceId, 2)) as [SessionUser, SessionUser];
  const channelId = await createChannel(admin.workspaceId, admin.id);
  c = {
    ha1: await addConversation({ channelId, customer: "Nguyễn Thu Hà", lastMessageAt: minutesAgo(1), assignee: ha }),
    minh1: await addConversation({ channelId, customer: "Trần Đức Bình", lastMessageAt: minutesAgo(2), assignee: minh }),
    ha2: await addConversation({ channelId, customer: "Lê Thị Cúc", lastMessageAt: minutesAgo(3), assignee: ha }),
    admin1: await addConversation({ channelId, customer: "Phạm Minh Tuấn", lastMessageAt: minutesAgo(4), assignee: admin }),
  };
  published = [];
  setRealtimePublisher((emissions) => published.push(...emissions));
});

afterEach(() => setRealtimePublisher(undefined));

describe("managing labels", () => {
  it("is for admins: agents get 403 on create, rename, recolour and delete, and nothing changes", async () => {
    const label = await createLabel(admin, { name: "  Đã chốt   đơn ", color: "green" });
    expect(label).toEqual({ id: expect.any(String), name: "Đã chốt đơn", color: "green" });
    expect(await statusOf(() => createLabel(ha, { name: "Hỏi giá", color: "blue" }))).toBe(403);
    expect(await statusOf(() => updateLabel(ha, label.id, { name: "Chốt" }))).toBe(403);
    expect(await statusOf(() => updateLabel(ha, label.id, { color: "red" }))).toBe(403);
    expect(await statusOf(() => deleteLabel(ha, label.id))).toBe(403);
    expect(await db().label.findMany({ select: { name: true, color: true } })).toEqual([{ name: "Đã chốt đơn", color: "green" }]);

    expect(await updateLabel(admin, label.id, { name: "Chốt đơn", color: "teal" })).toEqual({ id: label.id, name: "Chốt đơn", color: "teal" });
    expect(await updateLabel(admin, label.id, { color: "purple" })).toMatchObject({ name: "Chốt đơn", color: "purple" });
    await deleteLabel(admin, label.id);
    expect(await db().label.count()).toBe(0);
    expect(published.filter((emission) => emission.event === "labels:changed").map((emission) => emission.rooms)).toEqual(
      Array.from({ length: 4 }, () => [rooms.workspace(admin.workspaceId)]),
    );
  });

  it("refuses a name that exists, also written without accents or in capitals, naming the label", async () => {
    await createLabel(admin, { name: "Hỏi giá", color: "blue" });
    for (const name of ["Hỏi giá", "hoi gia", "HỎI GIÁ", "  hỏi   giá "]) {
      await expect(createLabel(admin, { name, color: "red" }), name).rejects.toMatchObject({
        code: "conflict",
        status: 409,
        params: { reason: "label_name_taken", name: "Hỏi giá" },
        message: expect.stringContaining("Hỏi giá"),
      });
    }
    const other = await createLabel(admin, { name: "Khiếu nại", color: "red" });
    await expect(updateLabel(admin, other.id, { name: "Hoi Gia" })).rejects.toMatchObject({ status: 409, params: { name: "Hỏi giá" } });
    // Renaming a label to its own name in other capitals is not a clash with itself.
    expect(await updateLabel(admin, other.id, { name: "KHIẾU NẠI" })).toMatchObject({ name: "KHIẾU NẠI" });
    expect(await db().label.count()).toBe(2);
  });

  it("refuses an empty or over-long name, naming the limit, and a colour outside the palette", async () => {
    await expect(createLabel(admin, { name: "   ", color: "red" })).rejects.toMatchObject({ params: { reason: "label_name_required" } });
    await expect(createLabel(admin, { name: "x".repeat(LABEL_NAME_MAX + 1), color: "red" })).rejects.toMatchObject({
      code: "invalid_input",
      params: { reason: "label_name_too_long", limit: LABEL_NAME_MAX },
      message: expect.stringContaining(String(LABEL_NAME_MAX)),
    });
    expect(await statusOf(() => createLabel(admin, { name: "Hỏi giá", color: "#ff0000" as "red" }))).toBe(400);
    expect(await db().label.count()).toBe(0);
  });

  it("does not reach another workspace's labels", async () => {
    const other = await createWorkspace("Shop khác");
    const theirs = await createLabel(other.admin, { name: "Hỏi giá", color: "blue" });
    // The same name is free in this workspace.
    await createLabel(admin, { name: "Hỏi giá", color: "green" });
    expect(await statusOf(() => updateLabel(admin, theirs.id, { name: "Của tôi" }))).toBe(404);
    expect(await statusOf(() => deleteLabel(admin, theirs.id))).toBe(404);
    expect(await statusOf(() => setConversationLabel(admin, c.admin1, theirs.id, true))).toBe(404);
    expect(await db().label.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Hỏi giá" });
    expect(await db().conversationLabel.count()).toBe(0);
  });
});

describe("labelling conversations", () => {
  it("anyone who sees the conversation adds and removes labels, idempotently; others get 404 and change nothing", async () => {
    const chot = await createLabel(admin, { name: "Đã chốt đơn", color: "green" });
    const gia = await createLabel(admin, { name: "Hỏi giá", color: "blue" });
    expect(await setConversationLabel(ha, c.ha1, gia.id, true)).toEqual([{ id: gia.id, name: "Hỏi giá", color: "blue" }]);
    expect(await setConversationLabel(ha, c.ha1, chot.id, true)).toHaveLength(2);
    expect(await setConversationLabel(ha, c.ha1, chot.id, true)).toHaveLength(2);
    expect(await db().conversationLabel.count({ where: { conversationId: c.ha1 } })).toBe(2);

    await expect(setConversationLabel(minh, c.ha1, gia.id, false)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(setConversationLabel(minh, c.ha2, gia.id, true)).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect(await db().conversationLabel.count({ where: { conversationId: { in: [c.ha1, c.ha2] } } })).toBe(2);

    // An admin sees every conversation of a shared page.
    await setConversationLabel(admin, c.minh1, chot.id, true);
    expect(await setConversationLabel(ha, c.ha1, gia.id, false)).toEqual([{ id: chot.id, name: "Đã chốt đơn", color: "green" }]);
    expect(await setConversationLabel(ha, c.ha1, gia.id, false)).toHaveLength(1);
    expect((await getConversation(ha, c.ha1)).conversation.labels).toEqual([{ id: chot.id, name: "Đã chốt đơn", color: "green" }]);
  });

  it("publishes the conversation with its labels to whoever sees it, and a change only when there is one", async () => {
    const gia = await createLabel(admin, { name: "Hỏi giá", color: "blue" });
    published = [];
    await setConversationLabel(ha, c.ha1, gia.id, true);
    const upsert = published.find((emission) => emission.event === "conversation:upsert");
    expect(upsert?.rooms).toEqual(expect.arrayContaining([rooms.user(ha.id), rooms.admins(admin.workspaceId)]));
    expect(upsert?.rooms).not.toContain(rooms.user(minh.id));
    expect(upsert?.event === "conversation:upsert" && upsert.payload.conversation.labels).toEqual([{ id: gia.id, name: "Hỏi giá", color: "blue" }]);
    expect(published.map((emission) => emission.event)).toContain("labels:changed");

    published = [];
    await setConversationLabel(ha, c.ha1, gia.id, true);
    expect(published).toEqual([]);

    // A browser catching up after a gap (changes since its last event) sees the label come off too.
    await db().conversation.updateMany({ data: { updatedAt: minutesAgo(60) } });
    const since = minutesAgo(30).toISOString();
    expect((await listChangedConversations(ha, { since })).conversations).toEqual([]);
    await setConversationLabel(ha, c.ha1, gia.id, false);
    expect((await listChangedConversations(ha, { since })).conversations.map((row) => [row.id, row.labels])).toEqual([[c.ha1, []]]);
  });

  it("counts per label only what the viewer may see", async () => {
    const chot = await createLabel(admin, { name: "Đã chốt đơn", color: "green" });
    await createLabel(admin, { name: "Khiếu nại", color: "red" });
    for (const conversationId of [c.ha1, c.ha2, c.minh1, c.admin1]) await setConversationLabel(admin, conversationId, chot.id, true);
    expect(await countsOf(admin)).toEqual({ "Đã chốt đơn": 4, "Khiếu nại": 0 });
    expect(await countsOf(ha)).toEqual({ "Đã chốt đơn": 2, "Khiếu nại": 0 });
    expect(await countsOf(minh)).toEqual({ "Đã chốt đơn": 1, "Khiếu nại": 0 });
  });

  it("filters the list by label, within what the viewer may see, and shows each row's labels", async () => {
    const chot = await createLabel(admin, { name: "Đã chốt đơn", color: "green" });
    const gia = await createLabel(admin, { name: "Hỏi giá", color: "blue" });
    await setConversationLabel(admin, c.ha2, chot.id, true);
    await setConversationLabel(admin, c.minh1, chot.id, true);
    await setConversationLabel(admin, c.ha1, gia.id, true);

    expect(await ids(ha, { tab: "mine", labelId: chot.id })).toEqual([c.ha2]);
    expect(await ids(admin, { tab: "all", labelId: chot.id })).toEqual([c.minh1, c.ha2]);
    expect(await ids(admin, { tab: "all", labelId: "no-such-label" })).toEqual([]);
    await expect(listConversations(admin, { tab: "all", labelId: "bad id!" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["labelId"] })] });

    const rows = (await listConversations(ha, { tab: "mine" })).conversations;
    expect(rows.map((row) => [row.id, row.labels])).toEqual([
      [c.ha1, [{ id: gia.id, name: "Hỏi giá", color: "blue" }]],
      [c.ha2, [{ id: chot.id, name: "Đã chốt đơn", color: "green" }]],
    ]);

    // Renaming shows the new name; deleting takes the label off every conversation.
    await updateLabel(admin, gia.id, { name: "Hỏi giá sỉ" });
    expect((await listConversations(ha, { tab: "mine" })).conversations[0]?.labels).toEqual([{ id: gia.id, name: "Hỏi giá sỉ", color: "blue" }]);
    await deleteLabel(admin, chot.id);
    expect(await ids(admin, { tab: "all", labelId: chot.id })).toEqual([]);
    expect(await db().conversationLabel.count()).toBe(1);
  });
});
