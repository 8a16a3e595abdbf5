// "Tin nhắn mẫu" (issue 15, item 1): who may change which template, who sees personal ones (nobody
// but their owner), shortcuts unique per scope in their folded form, the text's cap named, unknown
// variables kept as typed, and the template's files: never taken by the unused-upload cleanup, and
// sendable again and again, on both upload stores.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { errorResponse } from "@/lib/http/json-route";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { SEND_REPLY_QUEUE } from "@/lib/inbox/reply-delivery-queue";
import { sendReply } from "@/lib/inbox/send-reply";
import { getConversation } from "@/lib/inbox/get-conversation";
import { storeUpload } from "@/lib/uploads/store-upload";
import { readUpload } from "@/lib/uploads/read-upload";
import { ABANDONED_UPLOAD_MS, pruneAbandonedUploads } from "@/lib/uploads/prune-uploads";
import { createTemplateSchema, updateTemplateSchema, type CreateTemplateInput } from "@/lib/templates/template-input";
import { TEMPLATE_TEXT_MAX } from "@/lib/templates/template-limits";
import { createTemplate, updateTemplate } from "@/lib/templates/save-template";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { listTemplates } from "@/lib/templates/list-templates";
import { templateListTag } from "@/lib/templates/template-list-tag";
import { fillTemplate, unknownVariables } from "@/lib/templates/template-variables";
import * as templateRoute from "@/app/api/templates/[id]/route";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation } from "../support/inbox-fixtures";

let admin: SessionUser;
let agent: SessionUser;
let otherAgent: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  ({ admin } = await createWorkspace());
  [agent, otherAgent] = (await createStaff(admin.workspaceId, 2)) as [SessionUser, SessionUser];
});

/** What the API would be posted, parsed as the route parses it. */
const input = (fields: Record<string, unknown>): CreateTemplateInput => createTemplateSchema.parse(fields);

/** The refusal the route would answer: status and the reason the screen translates. */
async function refusal(call: () => Promise<unknown>): Promise<{ status: number; reason: unknown; body: Record<string, unknown> }> {
  try {
    await call();
  } catch (error) {
    const response = errorResponse(error);
    const body = (await response.json()) as { error: Record<string, unknown> & { params: Record<string, unknown> } };
    return { status: response.status, reason: body.error.params.reason, body: body.error };
  }
  throw new Error("The call was not refused");
}

const shortcutsSeenBy = async (user: SessionUser) => (await listTemplates(user)).templates.map((template) => template.shortcut);

describe("the list, whose templates each process keeps encoded", () => {
  it("merges shared and own templates by shortcut, and shows a shared change made by another process at once", async () => {
    await createTemplate(admin, input({ shortcut: "bang-gia", text: "Giá 150k", shared: true }));
    await createTemplate(admin, input({ shortcut: "chao", text: "Chào {ten_khach}", shared: true }));
    await createTemplate(agent, input({ shortcut: "cam-on", text: "Cảm ơn" }));
    await createTemplate(otherAgent, input({ shortcut: "ai-cung", text: "Của Minh" }));
    expect(await shortcutsSeenBy(agent)).toEqual(["bang-gia", "cam-on", "chao"]);
    expect(await shortcutsSeenBy(otherAgent)).toEqual(["ai-cung", "bang-gia", "chao"]);

    // Written straight to the database, as another process (or an admin there) would.
    await db().messageTemplate.updateMany({ where: { shortcut: "chao" }, data: { text: "Xin chào" } });
    expect((await listTemplates(agent)).templates.find((template) => template.shortcut === "chao")?.text).toBe("Xin chào");
    // Two saves within one millisecond leave updatedAt where it was; the row's version still moves.
    await db().$executeRaw`UPDATE "MessageTemplate" SET text = 'Kính chào' WHERE shortcut = 'chao'`;
    expect((await listTemplates(otherAgent)).templates.find((template) => template.shortcut === "chao")?.text).toBe("Kính chào");
    await db().messageTemplate.deleteMany({ where: { shortcut: "bang-gia" } });
    expect(await shortcutsSeenBy(agent)).toEqual(["cam-on", "chao"]);
    expect((await listTemplates(agent)).tag).toBe(await templateListTag(agent));
  });
});

describe("the list's entity tag", () => {
  it("stays while nothing the user sees changes, and moves with every change they would see", async () => {
    const first = await templateListTag(agent);
    expect(await templateListTag(agent)).toBe(first);

    const own = await createTemplate(agent, input({ shortcut: "chao", text: "Chào {ten_khach}" }));
    const created = await templateListTag(agent);
    expect(created).not.toBe(first);
    // Another agent's own template is not in this list, so the tag stays.
    await createTemplate(otherAgent, input({ shortcut: "rieng", text: "Của Minh" }));
    expect(await templateListTag(agent)).toBe(created);

    await updateTemplate(agent, own.id, updateTemplateSchema.parse({ shortcut: "chao", text: "Chào anh/chị" }));
    const edited = await templateListTag(agent);
    expect(edited).not.toBe(created);
    const shared = await createTemplate(admin, input({ shortcut: "gia", text: "Giá 150k", shared: true }));
    const withShared = await templateListTag(agent);
    expect(withShared).not.toBe(edited);
    await deleteTemplate(admin, shared.id);
    expect(await templateListTag(agent)).not.toBe(withShared);
    // The tag sent with the list is the one a revalidation computes without reading it.
    expect((await listTemplates(agent)).tag).toBe(await templateListTag(agent));
    // The agent's name fills {ten_nhan_vien}: a new name is a new list.
    expect(await templateListTag({ ...agent, name: "Tên mới" })).not.toBe(await templateListTag(agent));
  });
});

describe("permissions", () => {
  it("an agent cannot add, edit or delete a shared template; an admin can", async () => {
    expect(await refusal(() => createTemplate(agent, input({ shortcut: "gia", text: "Giá 150k", shared: true })))).toMatchObject({ status: 403, reason: "shared_template_admin_only" });

    const shared = await createTemplate(admin, input({ shortcut: "gia", text: "Giá 150k", shared: true }));
    const edit = updateTemplateSchema.parse({ shortcut: "gia", text: "Giá 99k" });
    expect(await refusal(() => updateTemplate(agent, shared.id, edit))).toMatchObject({ status: 403, reason: "shared_template_admin_only" });
    expect(await refusal(() => deleteTemplate(agent, shared.id))).toMatchObject({ status: 403, reason: "shared_template_admin_only" });
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id: shared.id } })).text).toBe("Giá 150k");

    expect(await updateTemplate(admin, shared.id, edit)).toMatchObject({ text: "Giá 99k", shared: true });
    await deleteTemplate(admin, shared.id);
    expect(await db().messageTemplate.count()).toBe(0);
  });

  it("a personal template is its owner's alone: another agent and an admin are refused, nothing changes", async () => {
    const own = await createTemplate(agent, input({ shortcut: "chao", text: "Chào {ten_khach}" }));
    expect(own.shared).toBe(false);
    const edit = updateTemplateSchema.parse({ shortcut: "chao", text: "Bị sửa" });
    for (const stranger of [otherAgent, admin]) {
      expect(await refusal(() => updateTemplate(stranger, own.id, edit))).toMatchObject({ status: 403, reason: "not_your_template" });
      expect(await refusal(() => deleteTemplate(stranger, own.id))).toMatchObject({ status: 403, reason: "not_your_template" });
    }
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id: own.id } })).text).toBe("Chào {ten_khach}");
    expect(await updateTemplate(agent, own.id, edit)).toMatchObject({ text: "Bị sửa" });
  });

  it("a template of another workspace is not found", async () => {
    const { admin: otherAdmin } = await createWorkspace("Shop khác");
    const theirs = await createTemplate(otherAdmin, input({ shortcut: "gia", text: "Giá", shared: true }));
    expect(await refusal(() => updateTemplate(admin, theirs.id, updateTemplateSchema.parse({ shortcut: "gia", text: "x" })))).toMatchObject({ status: 404 });
    expect(await refusal(() => deleteTemplate(admin, theirs.id))).toMatchObject({ status: 404 });
    expect(await shortcutsSeenBy(admin)).toEqual([]);
  });

  it("a malformed id in the address is a 400 before anything is read", async () => {
    const response = await templateRoute.DELETE(new Request("http://localhost/api/templates/x", { method: "DELETE" }), { params: Promise.resolve({ id: "a\u0000" }) });
    expect(response.status).toBe(400);
  });
});

describe("visibility", () => {
  it("everyone sees the shared templates and their own; nobody sees another's personal ones", async () => {
    await createTemplate(admin, input({ shortcut: "phiship", text: "Phí ship 30k", shared: true }));
    await createTemplate(admin, input({ shortcut: "admin-rieng", text: "Của admin" }));
    await createTemplate(agent, input({ shortcut: "cua-ha", text: "Của Hà" }));

    expect(await shortcutsSeenBy(agent)).toEqual(["cua-ha", "phiship"]);
    expect(await shortcutsSeenBy(otherAgent)).toEqual(["phiship"]);
    expect(await shortcutsSeenBy(admin)).toEqual(["admin-rieng", "phiship"]);
  });
});

describe("shortcuts and text", () => {
  it("stores the shortcut without its leading /, folded for uniqueness, and refuses a taken one by name", async () => {
    const created = await createTemplate(admin, input({ shortcut: "/Phí-Ship", text: "Phí ship toàn quốc 30.000đ", shared: true }));
    expect(created.shortcut).toBe("Phí-Ship");
    expect(await db().messageTemplate.findUniqueOrThrow({ where: { id: created.id }, select: { shortcutKey: true, searchText: true } })).toEqual({
      shortcutKey: "phi-ship",
      searchText: "phi-ship phi ship toan quoc 30.000d",
    });

    const taken = await refusal(() => createTemplate(admin, input({ shortcut: "/phi-SHIP", text: "Khác", shared: true })));
    expect(taken).toMatchObject({ status: 409, reason: "shortcut_taken", body: { params: { shortcut: "phi-SHIP" }, fieldErrors: { shortcut: ["shortcut_taken"] } } });
    expect(String(taken.body.message)).toContain("/phi-SHIP");

    // Another scope may use it: an agent's own, and another agent's own.
    await createTemplate(agent, input({ shortcut: "phi-ship", text: "Của Hà" }));
    await createTemplate(otherAgent, input({ shortcut: "phi-ship", text: "Của Lan" }));
    expect(await refusal(() => createTemplate(agent, input({ shortcut: "Phi-ship", text: "Lần hai" })))).toMatchObject({ status: 409, reason: "shortcut_taken" });

    // Renaming onto a taken shortcut is refused too, and changes nothing.
    const other = await createTemplate(admin, input({ shortcut: "gia", text: "Giá", shared: true }));
    expect(await refusal(() => updateTemplate(admin, other.id, updateTemplateSchema.parse({ shortcut: "phi-ship", text: "Giá" })))).toMatchObject({ status: 409 });
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id: other.id } })).shortcut).toBe("gia");
  });

  it("refuses shortcuts with spaces or symbols and over 30 characters", () => {
    const fieldErrors = (shortcut: string) => createTemplateSchema.safeParse({ shortcut, text: "x" }).error?.issues.map((issue) => issue.message);
    expect(fieldErrors("phi ship")).toEqual(["shortcut_invalid"]);
    expect(fieldErrors("phí!")).toEqual(["shortcut_invalid"]);
    expect(fieldErrors("/")).toEqual(["shortcut_required"]);
    expect(fieldErrors("a".repeat(31))).toEqual(["shortcut_too_long"]);
    expect(fieldErrors("ă".repeat(30))).toBeUndefined();
  });

  it("caps the text at 2,000 characters and names the limit; an empty template is refused", async () => {
    await createTemplate(agent, input({ shortcut: "dai", text: "a".repeat(TEMPLATE_TEXT_MAX) }));
    const tooLong = await refusal(() => createTemplate(agent, input({ shortcut: "qua-dai", text: "a".repeat(TEMPLATE_TEXT_MAX + 1) })));
    expect(tooLong).toMatchObject({ status: 400, reason: "text_too_long", body: { params: { limit: 2000, length: 2001 } } });
    expect(String(tooLong.body.message)).toContain("2000");
    expect(await refusal(() => createTemplate(agent, input({ shortcut: "rong", text: "   " })))).toMatchObject({ status: 400, reason: "text_required" });
    expect(await shortcutsSeenBy(agent)).toEqual(["dai"]);
  });

  it("keeps unknown variables as typed, and fills the known ones for a conversation", async () => {
    const channelId = await createChannel(admin.workspaceId, admin.id, { name: "Shop Hoa Mai" });
    const named = await addConversation({ channelId, customer: "Phạm Lan", assignee: agent, lastMessageAt: new Date() });
    const nameless = await addConversation({ channelId, customer: null, assignee: agent, lastMessageAt: new Date() });
    const text = "Chào {ten_khach}, {ten_trang} đây ạ. Em là {ten_nhan_vien}, mã đơn {ma_don}";
    const template = await createTemplate(agent, input({ shortcut: "chao", text }));
    expect(template.text).toBe(text);
    expect(unknownVariables(template.text)).toEqual(["ma_don"]);

    const fillFor = async (conversationId: string) => {
      const detail = await getConversation(agent, conversationId);
      return fillTemplate(template.text, { customerName: detail.contact.name, pageName: detail.channel.name, agentName: agent.name, customerFallback: "anh/chị" });
    };
    expect(await fillFor(named)).toBe(`Chào Phạm Lan, Shop Hoa Mai đây ạ. Em là ${agent.name}, mã đơn {ma_don}`);
    expect(await fillFor(nameless)).toBe(`Chào anh/chị, Shop Hoa Mai đây ạ. Em là ${agent.name}, mã đơn {ma_don}`);
  });
});

const png = (name = "bảng giá.png") => new File([Buffer.from("89504e470d0a1a0a", "hex")], name, { type: "image/png" });
const aDayLater = () => new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000);

/**
 * The upload store is chosen by UPLOAD_STORAGE, read once into the cached env(): each block below
 * sets it and drops the cache, so one file covers both stores (as upload-store-cases.ts does per file).
 */
function useUploadStore(kind: "disk" | "database"): void {
  let directory: string | null = null;
  beforeAll(async () => {
    process.env.UPLOAD_STORAGE = kind;
    if (kind === "disk") process.env.UPLOADS_DIR = directory = await mkdtemp(path.join(tmpdir(), "chat-template-uploads-"));
    delete (globalThis as { __env?: unknown }).__env;
  });
  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });
}

describe.each(["disk", "database"] as const)("a template's files (%s store)", (kind) => {
  useUploadStore(kind);
  beforeAll(async () => {
    // Stored replies wait in their queue: no worker sends them in this file.
    await (await startJobQueue()).createQueue(SEND_REPLY_QUEUE);
  });
  afterAll(() => stopJobQueue());

  it("are never removed by the unused-upload cleanup, after an edit replaced them or the template was deleted", async () => {
    const [first, second, abandoned] = [await storeUpload(png(), admin.id), await storeUpload(png("ảnh 2.png"), admin.id), await storeUpload(png(), admin.id)];
    const template = await createTemplate(admin, input({ shortcut: "bang-gia", text: "Bảng giá ạ", shared: true, attachments: [{ uploadId: first.id }] }));
    expect(template.attachments).toEqual([{ id: first.id, url: first.url, type: "image", contentType: "image/png", name: "bảng giá.png", size: 8 }]);

    await updateTemplate(admin, template.id, updateTemplateSchema.parse({ shortcut: "bang-gia", text: "", attachments: [{ uploadId: second.id }] }));
    expect(await pruneAbandonedUploads(aDayLater())).toBe(1);
    expect(await readUpload(abandoned.id)).toBeNull();
    expect(await readUpload(second.id)).not.toBeNull();
    // Replaced, but perhaps already sent: the threads it went to still show it.
    expect(await readUpload(first.id)).not.toBeNull();

    await deleteTemplate(admin, template.id);
    await pruneAbandonedUploads(aDayLater());
    expect(await readUpload(second.id)).not.toBeNull();
  });

  it("refuses an upload id that names no stored file, and stores nothing", async () => {
    const missing = await refusal(() => createTemplate(agent, input({ shortcut: "anh", text: "", attachments: [{ uploadId: "A".repeat(32) }] })));
    expect(missing).toMatchObject({ status: 400, reason: "upload_not_found" });
    expect(await db().messageTemplate.count()).toBe(0);
  });

  it("can be sent to several customers: the same upload in two replies", async () => {
    const channelId = await createChannel(admin.workspaceId, admin.id);
    const [lan, huong] = [
      await addConversation({ channelId, customer: "Lan", assignee: agent, lastMessageAt: new Date() }),
      await addConversation({ channelId, customer: "Hương", assignee: agent, lastMessageAt: new Date() }),
    ];
    const photo = await storeUpload(png(), admin.id);
    await createTemplate(admin, input({ shortcut: "mau-ao", text: "", shared: true, attachments: [{ uploadId: photo.id }] }));
    const [file] = (await listTemplates(agent)).templates[0]!.attachments;

    for (const conversationId of [lan, huong]) {
      const sent = await sendReply(agent, conversationId, { clientMessageId: randomUUID(), attachments: [{ type: file!.type, url: file!.url, name: file!.name }] });
      expect(sent.status).toBe("pending");
    }
    const stored = await db().message.findMany({ where: { conversationId: { in: [lan, huong] } }, select: { attachments: true } });
    expect(stored.map((message) => message.attachments)).toEqual([
      [{ type: "image", url: photo.url, name: "bảng giá.png" }],
      [{ type: "image", url: photo.url, name: "bảng giá.png" }],
    ]);
    await pruneAbandonedUploads(aDayLater());
    expect(await readUpload(photo.id)).not.toBeNull();
  });
});
