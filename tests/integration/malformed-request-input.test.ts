// Issue 9, item 6d: a client's malformed input — %00 and other control characters in ids, cursors
// holding impossible dates — is answered 400 and never reaches PostgreSQL (which answers U+0000 and
// out-of-range timestamps with errors that would become 500s).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-token";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listMessages } from "@/lib/inbox/list-messages";
import { chatModeChoiceSchema } from "@/lib/channels/chat-mode-schema";
import { assignInputSchema, ruleInputSchema } from "@/lib/assignment/rule-schemas";
import { db } from "@/lib/db";
import { createTemplateSchema } from "@/lib/templates/template-input";
import { createTemplate } from "@/lib/templates/save-template";
import { createLabelInputSchema } from "@/lib/labels/label-input";
import { createLabel } from "@/lib/labels/save-label";
import { customerCardPatchSchema } from "@/lib/contacts/customer-card-input";
import { updateCustomerCard } from "@/lib/contacts/update-customer-card";
import { addNoteInputSchema } from "@/lib/notes/note-input";
import { addNote } from "@/lib/notes/add-note";
import * as conversationRoute from "@/app/api/conversations/[id]/route";
import * as messagesRoute from "@/app/api/conversations/[id]/messages/route";
import * as claimRoute from "@/app/api/conversations/[id]/claim/route";
import * as seenRoute from "@/app/api/conversations/[id]/seen/route";
import * as typingRoute from "@/app/api/conversations/[id]/typing/route";
import * as assignRoute from "@/app/api/conversations/[id]/assign/route";
import * as assignmentHistoryRoute from "@/app/api/conversations/[id]/assignment-history/route";
import * as retryRoute from "@/app/api/messages/[id]/retry/route";
import * as chatModeRoute from "@/app/api/channels/[id]/chat-mode/route";
import * as disconnectRoute from "@/app/api/channels/[id]/disconnect/route";
import * as historySyncRoute from "@/app/api/channels/[id]/history-sync/route";
import * as historySyncApplyRoute from "@/app/api/channels/[id]/history-sync/apply/route";
import * as takeOverRoute from "@/app/api/channels/[id]/take-over/route";
import * as staffChannelsRoute from "@/app/api/staff/[id]/channels/route";
import * as ruleRoute from "@/app/api/rules/[id]/route";
import * as staffRoute from "@/app/api/staff/[id]/route";
import * as uploadRoute from "@/app/api/uploads/[id]/route";
import * as customerCardRoute from "@/app/api/conversations/[id]/customer/route";
import * as conversationLabelRoute from "@/app/api/conversations/[id]/labels/[labelId]/route";
import * as notesRoute from "@/app/api/conversations/[id]/notes/route";
import * as mentionableRoute from "@/app/api/conversations/[id]/mentionable/route";
import * as templateRoute from "@/app/api/templates/[id]/route";
import * as labelRoute from "@/app/api/labels/[id]/route";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { statusOf } from "../support/route-status";

const BAD_IDS = ["abc\u0000", "\u0000", "abc\u0007def", "a\nb", "../x", "a".repeat(65)];

// A route with several ids in its address ([id] and [labelId]) is tried with each one malformed in turn.
type IdParams = Record<"id" | "labelId", string>;
type IdRoute = (request: Request, context: { params: Promise<IdParams> }) => Promise<Response>;
const idRoutes: Record<string, Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", IdRoute>>> = {
  "/api/conversations/[id]": conversationRoute,
  "/api/conversations/[id]/messages": messagesRoute,
  "/api/conversations/[id]/claim": claimRoute,
  "/api/conversations/[id]/seen": seenRoute,
  "/api/conversations/[id]/typing": typingRoute,
  "/api/conversations/[id]/assign": assignRoute,
  "/api/conversations/[id]/assignment-history": assignmentHistoryRoute,
  "/api/messages/[id]/retry": retryRoute,
  "/api/channels/[id]/chat-mode": chatModeRoute,
  "/api/channels/[id]/disconnect": disconnectRoute,
  "/api/channels/[id]/history-sync": historySyncRoute,
  "/api/channels/[id]/history-sync/apply": historySyncApplyRoute,
  "/api/channels/[id]/take-over": takeOverRoute,
  "/api/rules/[id]": ruleRoute,
  "/api/staff/[id]": staffRoute,
  "/api/staff/[id]/channels": staffChannelsRoute,
  "/api/uploads/[id]": uploadRoute,
  "/api/conversations/[id]/customer": customerCardRoute,
  "/api/conversations/[id]/labels/[labelId]": conversationLabelRoute,
  "/api/conversations/[id]/notes": notesRoute,
  "/api/conversations/[id]/mentionable": mentionableRoute,
  "/api/templates/[id]": templateRoute,
  "/api/labels/[id]": labelRoute,
};

const cursorOf = (time: unknown, id: unknown) => Buffer.from(JSON.stringify([time, id])).toString("base64url");
const IMPOSSIBLE_CURSORS = [
  cursorOf(8.64e15 + 1, "c1"), // past the last date JavaScript can hold: "Invalid Date"
  cursorOf(8.64e15, "c1"), // year 275760: past PostgreSQL's timestamps
  cursorOf(-8.64e15, "c1"), // 271821 BC
  cursorOf(Date.now(), "c1\u0000"),
];

/** The status the route wrapper gives what `call` throws (the domain functions throw, routes answer). */
let admin: SessionUser;
let conversationId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace());
  conversationId = await receiveNewConversation(await createChannel(admin.workspaceId, admin.id));
});

describe("item 6d: control characters in ids and impossible cursor dates answer 400, never 500", () => {
  it("every API route with an id in its address refuses a malformed one with 400", async () => {
    for (const [path, methods] of Object.entries(idRoutes)) {
      const names = [...path.matchAll(/\[(id|labelId)\]/g)].map((match) => match[1] as keyof IdParams);
      for (const [method, handler] of Object.entries(methods)) {
        for (const bad of names) {
          for (const id of BAD_IDS) {
            const params: IdParams = { id: conversationId, labelId: conversationId, [bad]: id };
            const request = new Request(`http://localhost${path.replace(/\[(id|labelId)\]/g, (_, name: keyof IdParams) => encodeURIComponent(params[name]))}`, { method });
            const response = await handler(request, { params: Promise.resolve(params) });
            expect(response.status, `${method} ${path} with ${bad} ${JSON.stringify(id)}`).toBe(400);
            expect(await response.json()).toMatchObject({ error: { code: "invalid_input", params: { reason: "invalid_id" } } });
          }
        }
      }
    }
  });

  it("the conversation list refuses control characters in its query and impossible cursors with 400", async () => {
    for (const query of [{ q: "Lan\u0000" }, { q: "\u001b[2J" }, { channelId: "abc\u0000" }, ...IMPOSSIBLE_CURSORS.map((cursor) => ({ cursor }))]) {
      expect(await statusOf(() => listConversations(admin, query)), JSON.stringify(query)).toBe(400);
    }
    expect(await statusOf(() => listConversations(admin, { q: "Lan", channelId: "" }))).toBe(200);
  });

  it("a thread refuses impossible cursors with 400", async () => {
    for (const before of IMPOSSIBLE_CURSORS) {
      expect(await statusOf(() => listMessages(admin, conversationId, { before })), before).toBe(400);
    }
    expect(await statusOf(() => listMessages(admin, conversationId, { before: cursorOf(Date.now(), "c1") }))).toBe(200);
  });

  it("ids in request bodies are checked the same way", () => {
    expect(chatModeChoiceSchema.safeParse({ mode: "shared", ruleId: "r\u0000" }).success).toBe(false);
    expect(assignInputSchema.safeParse({ userId: "u\u0000" }).success).toBe(false);
    const rule = { name: "Quy tắc", memberEmails: ["ha@shop.vn"], method: "self_claim", oldConversationPolicy: "keep_unassigned" };
    expect(ruleInputSchema.safeParse({ ...rule, sourceChannelIds: ["c\u0000"] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...rule, sourceChannelIds: ["cmi0x1y2z3"] }).success).toBe(true);
    expect(addNoteInputSchema.safeParse({ clientMessageId: randomUUID(), text: "Hỏi @Hà", mentionedUserIds: ["u\u0000"] }).success).toBe(false);
    expect(createTemplateSchema.safeParse({ shortcut: "gia", text: "Dạ", attachments: [{ uploadId: "up\u0000" }] }).success).toBe(false);
  });

  it("the sellers' tools (templates, labels, the customer card, notes) answer U+0000 in a text with 400 and store nothing", async () => {
    // What each route does with the body: its schema (readJson), then its one lib call.
    const calls: Record<string, () => Promise<unknown>> = {
      "POST /api/templates": () => createTemplate(admin, createTemplateSchema.parse({ shortcut: "gia", text: "Dạ giá\u0000 250k" })),
      "POST /api/labels": () => createLabel(admin, createLabelInputSchema.parse({ name: "Hỏi\u0000giá", color: "blue" })),
      "PATCH /api/conversations/[id]/customer": () => updateCustomerCard(admin, conversationId, customerCardPatchSchema.parse({ address: "12 Lê Lợi\u0000" })),
      "POST /api/conversations/[id]/notes": () => addNote(admin, conversationId, addNoteInputSchema.parse({ clientMessageId: randomUUID(), text: "Khách\u0000 hẹn mai" })),
    };
    for (const [route, call] of Object.entries(calls)) expect(await statusOf(call), route).toBe(400);
    expect(await db().messageTemplate.count()).toBe(0);
    expect(await db().label.count()).toBe(0);
    expect(await db().contact.findFirstOrThrow({ where: { conversations: { some: { id: conversationId } } }, select: { address: true } })).toEqual({ address: null });
    expect(await db().message.count({ where: { direction: "note" } })).toBe(0);
  });
});
