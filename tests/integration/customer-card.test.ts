// The customer card (issue 15, item 2): who may read and fill it in (whoever sees the conversation;
// 404 for anyone else, nothing changed), the phone numbers offered from the customer's own messages,
// the refusals that name what is expected, and the live update to the others who see it.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { setRealtimePublisher, type Emission } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { getCustomerCard } from "@/lib/contacts/get-customer-card";
import { updateCustomerCard } from "@/lib/contacts/update-customer-card";
import { CUSTOMER_NOTES_MAX_LENGTH } from "@/lib/contacts/customer-card-limits";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";
import { statusOf } from "../support/route-status";

let admin: SessionUser;
let ha: SessionUser;
let outsider: SessionUser;
let conversationId: string;
let channelId: string;
const firstMessageAt = new Date(Date.UTC(2026, 10, 2, 3, 0, 0));
let published: Emission[];

async function addMessage(direction: "inbound" | "outbound", text: string, minutesAfterFirst: number) {
  await db().message.create({
    data: {
      conversationId,
      channelId,
      direction,
      senderKind: direction === "inbound" ? "contact" : "agent",
      status: "delivered",
      text,
      platformMessageId: `mid.${randomUUID()}`,
      sentAt: new Date(firstMessageAt.getTime() + minutesAfterFirst * 60_000),
    },
  });
}

const storedCard = async () => db().contact.findFirstOrThrow({ where: { conversations: { some: { id: conversationId } } }, select: { phone: true, address: true, notes: true } });

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace("Shop Hoa Mai"));
  [ha, outsider] = (await createStaff(admin.workspaceId, 2)) as [SessionUser, SessionUser];
  channelId = await createChannel(admin.workspaceId, admin.id, { name: "Shop Hoa Mai" });
  conversationId = await addConversation({ channelId, customer: "Nguyễn Thu Hà", lastMessageAt: new Date(), assignee: ha });
  await addMessage("inbound", "Chị lấy 2 cái, sdt em 0912.345.678 nha", 0);
  await addMessage("outbound", "Dạ hotline shop 0987 654 321 ạ, giá 350.000đ", 1);
  await addMessage("inbound", "Giá 30.000 ship hả shop? Đơn DH0977123456", 2);
  await addMessage("inbound", "Số chồng chị +84 388 123 456, giao 05.03.2024", 3);
  published = [];
  setRealtimePublisher((emissions) => published.push(...emissions));
});

afterEach(() => setRealtimePublisher(undefined));

describe("reading the card", () => {
  it("shows the customer, platform, page, first message and the numbers the customer wrote, newest first", async () => {
    const { card, detectedPhones } = await getCustomerCard(ha, conversationId);
    expect(card).toMatchObject({
      name: "Nguyễn Thu Hà",
      platform: "facebook",
      channel: { id: channelId, name: "Shop Hoa Mai" },
      firstMessageAt: firstMessageAt.toISOString(),
      phone: null,
      address: null,
      notes: null,
    });
    // Not the shop's hotline (an agent's message), not a price, an order code or a date.
    expect(detectedPhones).toEqual(["0388123456", "0912345678"]);
  });

  it("is 404 for an agent who may not see the conversation, and readable by an admin", async () => {
    await expect(getCustomerCard(outsider, conversationId)).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect((await getCustomerCard(admin, conversationId)).card.name).toBe("Nguyễn Thu Hà");
  });
});

describe("filling in the card", () => {
  it("saves a detected number, an address and notes; the number canonical as message search folds it", async () => {
    const card = await updateCustomerCard(ha, conversationId, { phone: "+84 912 345 678", address: "  12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM ", notes: "Size M, thích màu be" });
    expect(card).toMatchObject({ phone: "0912345678", address: "12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM", notes: "Size M, thích màu be" });
    expect(await storedCard()).toEqual({ phone: "0912345678", address: "12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM", notes: "Size M, thích màu be" });
    // The database trigger folds "0912.345.678" in the customer's message to the same digits.
    const folded = await db().message.findFirstOrThrow({ where: { conversationId, text: { contains: "0912.345.678" } }, select: { searchText: true } });
    expect(folded.searchText).toContain(card.phone);

    // Absent fields stay; null or "" empties one.
    await updateCustomerCard(admin, conversationId, { notes: "" });
    expect(await storedCard()).toEqual({ phone: "0912345678", address: "12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM", notes: null });
    await updateCustomerCard(ha, conversationId, { phone: null });
    expect((await storedCard()).phone).toBeNull();
  });

  it("is 404 for an agent who may not see the conversation, changing nothing", async () => {
    await expect(updateCustomerCard(outsider, conversationId, { phone: "0912345678", notes: "x" })).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect(await storedCard()).toEqual({ phone: null, address: null, notes: null });
    expect(published).toEqual([]);
  });

  it("refuses a number that is not Vietnamese, naming the format expected, and saves nothing of the patch", async () => {
    const refusal = updateCustomerCard(ha, conversationId, { phone: "0912 345", address: "12 Lê Lợi" });
    await expect(refusal).rejects.toMatchObject({ code: "invalid_input", params: { reason: "phone_invalid" }, fieldErrors: { phone: ["phone_invalid"] } });
    await expect(updateCustomerCard(ha, conversationId, { phone: "0123 456 789" })).rejects.toThrow(/0912 345 678/);
    expect(await statusOf(() => updateCustomerCard(ha, conversationId, { phone: "abc" }))).toBe(400);
    expect(await storedCard()).toEqual({ phone: null, address: null, notes: null });
  });

  it("caps notes and address, naming the limit", async () => {
    const notes = "a".repeat(CUSTOMER_NOTES_MAX_LENGTH + 1);
    await expect(updateCustomerCard(ha, conversationId, { phone: "0912345678", notes })).rejects.toMatchObject({
      code: "invalid_input",
      params: { reason: "notes_too_long", limit: CUSTOMER_NOTES_MAX_LENGTH },
      message: expect.stringContaining(String(CUSTOMER_NOTES_MAX_LENGTH)),
    });
    await expect(updateCustomerCard(ha, conversationId, { address: "x".repeat(301) })).rejects.toMatchObject({ params: { reason: "address_too_long", limit: 300 } });
    expect(await storedCard()).toEqual({ phone: null, address: null, notes: null });
    await updateCustomerCard(ha, conversationId, { notes: "a".repeat(CUSTOMER_NOTES_MAX_LENGTH) });
    expect((await storedCard()).notes).toHaveLength(CUSTOMER_NOTES_MAX_LENGTH);
  });

  it("tells the others who see the conversation live, and nobody else", async () => {
    await updateCustomerCard(ha, conversationId, { phone: "0388 123 456", address: "Hà Đông" });
    expect(published).toEqual([
      {
        rooms: expect.arrayContaining([rooms.user(ha.id), rooms.admins(admin.workspaceId)]),
        event: "customer:updated",
        payload: { contactId: expect.any(String), phone: "0388123456", address: "Hà Đông", notes: null },
      },
    ]);
    expect(published[0]!.rooms).not.toContain(rooms.user(outsider.id));
  });
});
