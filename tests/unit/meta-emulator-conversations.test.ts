// Conversations API over the seeded history page: newest first, cursor paging, the 20-message limit.
import { beforeEach, describe, expect, it } from "vitest";
import { startEmulatorHarness, type Json, type JsonReply } from "../support/meta-emulator-harness";

const FIELDS =
  "participants,updated_time,message_count,messages.limit(20){message,from,to,created_time,attachments}";
const HOUR = 3600_000;

const { emulator, graphGet, tokens } = await startEmulatorHarness();
let historyPage: string;
let token: string;

beforeEach(async () => {
  historyPage = emulator.world.pages.find((p) => p.name === "Cửa Hàng Lâu Năm")!.id;
  token = await pageToken(emulator.world.users[0]!.id, historyPage);
});

async function pageToken(userId: string, pageId: string): Promise<string> {
  return (await tokens(userId, pageId)).pageToken;
}

/** Graph with the current page token (a paging link carries its own). */
function get(urlOrPath: string, params: Record<string, string> = {}): Promise<JsonReply> {
  return graphGet(urlOrPath, { access_token: token, ...params });
}

describe("Conversations API", () => {
  it("seeds historyThreads threads across the reply-window buckets", () => {
    const threads = emulator.world.threads.filter((t) => t.pageId === historyPage);
    expect(threads).toHaveLength(40);
    const ages = threads.map(
      (t) => Date.now() - t.messages.filter((m) => m.direction === "in").at(-1)!.createdAt,
    );
    expect(ages.some((a) => a < 24 * HOUR)).toBe(true);
    expect(ages.some((a) => a > 24 * HOUR && a < 7 * 24 * HOUR)).toBe(true);
    expect(ages.some((a) => a > 7 * 24 * HOUR)).toBe(true);
    expect(threads.some((t) => t.messages.length > 20)).toBe(true);
  });

  it("pages through every thread, newest first, with cursors and next links", async () => {
    const first = await get(`/${historyPage}/conversations`, {
      platform: "messenger",
      fields: FIELDS,
      limit: "25",
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(25);
    expect(first.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    const second = await get(first.body.paging.next);
    expect(second.body.data).toHaveLength(15);
    expect(second.body.paging.next).toBeUndefined();

    const all = [...first.body.data, ...second.body.data];
    expect(new Set(all.map((c: Json) => c.id)).size).toBe(40);
    const times = all.map((c: Json) => Date.parse(c.updated_time.replace("+0000", "Z")));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all[0].updated_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(all[0].participants.data).toContainEqual(
      expect.objectContaining({ id: historyPage, name: "Cửa Hàng Lâu Năm" }),
    );
  });

  it("details only the 20 most recent messages of a long thread", async () => {
    const list = await get(`/${historyPage}/conversations`, { fields: FIELDS, limit: "100" });
    const long = list.body.data.find((c: Json) => c.message_count > 20);
    expect(long.messages.data).toHaveLength(20);
    for (const m of long.messages.data)
      expect(m).toMatchObject({
        id: expect.stringMatching(/^m_/),
        from: { id: expect.any(String) },
        to: { data: [expect.any(Object)] },
      });

    const older = await get(long.messages.paging.next);
    expect(older.body.data.length).toBeGreaterThan(0);
    for (const m of older.body.data) expect(Object.keys(m).sort()).toEqual(["created_time", "id"]);

    const recent = await get(`/${long.messages.data[0].id}`, {
      fields: "id,created_time,from,to,message,attachments",
    });
    expect(recent.body.message).toBe(long.messages.data[0].message);
    const deleted = await get(`/${older.body.data[0].id}`, { fields: "id,created_time,from,to,message" });
    expect(deleted.status).toBe(400);
    expect(deleted.body.error.code).toBe(100);
    expect(deleted.body.error.message).toContain("deleted");

    const ids = await get(`/${long.id}`, { fields: "messages" });
    expect(ids.body.messages.data[0]).toEqual({
      id: long.messages.data[0].id,
      created_time: expect.any(String),
    });
  });

  it("reads a customer's profile with the page token", async () => {
    const thread = emulator.world.threads.find((t) => t.pageId === historyPage)!;
    const customer = emulator.world.customer(thread.psid)!;
    const profile = await get(`/${thread.psid}`, { fields: "first_name,last_name,profile_pic,name" });
    expect(profile.body).toEqual({
      first_name: customer.firstName,
      last_name: customer.lastName,
      profile_pic: `${emulator.url}/_emulator/avatar/${thread.psid}.svg`,
      name: customer.name,
      id: thread.psid,
    });
    const svg = await fetch(profile.body.profile_pic);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect((await get(`/${thread.psid}`, { fields: "birthday" })).body.error.code).toBe(100);
  });

  it("requires the MESSAGING or MODERATE task", async () => {
    const binh = emulator.world.users[1]!;
    const myPham = emulator.world.pages.find((p) => p.name === "Mỹ Phẩm Thiên Nhiên")!.id;
    token = await pageToken(binh.id, myPham);
    expect((await get(`/${myPham}/conversations`)).body.error.code).toBe(200);

    const banhNgot = emulator.world.pages.find((p) => p.name === "Tiệm Bánh Ngọt Sài Gòn")!.id;
    token = await pageToken(emulator.world.users[0]!.id, banhNgot);
    expect((await get(`/${banhNgot}/conversations`)).body.data.length).toBeGreaterThan(0);
  });

  it("filters by user_id", async () => {
    const psid = emulator.world.threads.find((t) => t.pageId === historyPage)!.psid;
    const one = await get(`/${historyPage}/conversations`, { user_id: psid, fields: "participants" });
    expect(one.body.data).toHaveLength(1);
  });
});
