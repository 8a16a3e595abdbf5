// The inbox's "Kênh" filter over a shop with Facebook pages and a Zalo OA: by platform or by channel,
// never past what the viewer may see, the filter's choices only the channels the viewer has
// conversations on, and a platform that does not exist refused as bad input.
import { beforeEach, describe, expect, it } from "vitest";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listInboxChannels } from "@/lib/inbox/list-inbox-channels";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";

let admin: SessionUser;
let ha: SessionUser;
let channels: Record<"hoaMai" | "myPham" | "zaloOa", string>;
let c: Record<string, string>;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace("Shop"));
  [ha] = (await createStaff(admin.workspaceId, 1)) as [SessionUser];
  channels = {
    hoaMai: await createChannel(admin.workspaceId, admin.id, { name: "Shop Hoa Mai" }),
    myPham: await createChannel(admin.workspaceId, admin.id, { name: "Mỹ Phẩm" }),
    zaloOa: await createChannel(admin.workspaceId, admin.id, { name: "Shop Thời Trang Mai", platform: "zalo" }),
  };
  c = {
    zaloHa: await addConversation({ channelId: channels.zaloOa, customer: "Nguyễn Thu Hà", lastMessageAt: minutesAgo(1), assignee: ha }),
    zaloAdmin: await addConversation({ channelId: channels.zaloOa, customer: "Phạm Minh Tuấn", lastMessageAt: minutesAgo(2), assignee: admin }),
    hoaMaiHa: await addConversation({ channelId: channels.hoaMai, customer: "Trần Đức Bình", lastMessageAt: minutesAgo(3), assignee: ha }),
    myPhamAdmin: await addConversation({ channelId: channels.myPham, customer: "Lê Thị Cúc", lastMessageAt: minutesAgo(4), assignee: admin }),
  };
});

async function ids(user: SessionUser, query: Parameters<typeof listConversations>[1]): Promise<string[]> {
  return (await listConversations(user, query)).conversations.map((conversation) => conversation.id);
}

describe("the inbox's platform and channel filter", () => {
  it("narrows the list to one platform or one channel, each row naming its platform and channel", async () => {
    expect(await ids(admin, { tab: "all", platform: "zalo" })).toEqual([c.zaloHa, c.zaloAdmin]);
    expect(await ids(admin, { tab: "all", platform: "facebook" })).toEqual([c.hoaMaiHa, c.myPhamAdmin]);
    expect(await ids(admin, { tab: "all", channelId: channels.myPham })).toEqual([c.myPhamAdmin]);
    expect(await ids(admin, { tab: "all", platform: "" })).toHaveLength(4);
    const [row] = (await listConversations(admin, { tab: "all", platform: "zalo" })).conversations;
    expect(row?.channel).toMatchObject({ name: "Shop Thời Trang Mai", platform: "zalo" });
  });

  it("never shows an agent more than she may see, whatever the filter", async () => {
    expect(await ids(ha, { tab: "mine", platform: "zalo" })).toEqual([c.zaloHa]);
    expect(await ids(ha, { tab: "mine", channelId: channels.myPham })).toEqual([]);
    expect(await ids(ha, { tab: "mine", platform: "facebook", channelId: channels.zaloOa })).toEqual([]);
  });

  it("offers only the channels the viewer has conversations on, with their platforms", async () => {
    expect(await listInboxChannels(ha)).toEqual([
      { id: channels.hoaMai, name: "Shop Hoa Mai", platform: "facebook" },
      { id: channels.zaloOa, name: "Shop Thời Trang Mai", platform: "zalo" },
    ]);
    expect((await listInboxChannels(admin)).map((channel) => channel.platform)).toEqual(["facebook", "facebook", "zalo"]);
  });

  it("refuses a platform the app does not have", async () => {
    // A ZodError: the route answers it with 400 invalid_input (lib/http/json-route.ts).
    await expect(listConversations(admin, { tab: "all", platform: "instagram" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["platform"] })] });
  });
});
