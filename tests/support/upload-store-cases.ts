// Reply attachments, run against each upload store (upload-store.ts): stored under an unguessable id,
// read back as uploaded, refused when they are of a kind Messenger (or a browser on our origin)
// should not get, or too large, and deleted a day later when no reply used them. A reply marks its
// file as used only once it is stored. Each store's test file picks the store before any test runs.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { SEND_REPLY_QUEUE } from "@/lib/inbox/reply-delivery-queue";
import { sendReply } from "@/lib/inbox/send-reply";
import { storeUpload } from "@/lib/uploads/store-upload";
import { readUpload } from "@/lib/uploads/read-upload";
import { readUploadForm } from "@/lib/uploads/read-upload-form";
import type { SessionUser } from "@/lib/auth/session-token";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/max-upload-bytes";
import { ABANDONED_UPLOAD_MS, markUploadsAttached, pruneAbandonedUploads } from "@/lib/uploads/prune-uploads";
import { createChannel, createStaff, createWorkspace } from "./assignment-fixtures";
import { addConversation } from "./inbox-fixtures";

/** What a store keeps for an upload, looked at from outside it. */
interface StoreInspector {
  /** Whether the store records the upload as used by a reply. */
  isAttached(uploadId: string): Promise<boolean>;
  /** Whatever the store still holds for the upload (file names or rows); empty once it is deleted. */
  leftovers(uploadId: string): Promise<string[]>;
  /** Whatever half-written state it holds (none ever, after a completed upload). */
  partialWrites(): Promise<string[]>;
}

async function diskInspector(): Promise<StoreInspector> {
  const directory = await mkdtemp(path.join(tmpdir(), "chat-uploads-"));
  process.env.UPLOADS_DIR = directory;
  afterAll(() => rm(directory, { recursive: true, force: true }));
  return {
    isAttached: async (id) => (await readdir(directory)).includes(`${id}.attached`),
    leftovers: async (id) => (await readdir(directory)).filter((name) => name.startsWith(id)),
    partialWrites: async () => (await readdir(directory)).filter((name) => name.endsWith(".part")),
  };
}

function databaseInspector(): StoreInspector {
  return {
    isAttached: async (id) => (await db().uploadBlob.findUnique({ where: { id }, select: { attachedAt: true } }))?.attachedAt != null,
    leftovers: async (id) => (await db().uploadBlob.findMany({ where: { id }, select: { id: true } })).map((row) => row.id),
    partialWrites: async () => [],
  };
}

const png = () => new File([Buffer.from("89504e470d0a1a0a", "hex")], "ảnh sản phẩm.png", { type: "image/png" });

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

export async function describeUploadStore(kind: "disk" | "database"): Promise<void> {
  process.env.UPLOAD_STORAGE = kind;
  const store = kind === "disk" ? await diskInspector() : databaseInspector();

  describe(`reply uploads (${kind} store)`, () => {
    it("stores a file and serves it back by its public URL's id", async () => {
      const upload = await storeUpload(png(), "user-1");
      expect(upload).toMatchObject({ type: "image", contentType: "image/png", name: "ảnh sản phẩm.png", size: 8 });
      expect(upload.url).toMatch(new RegExp(`/api/uploads/${upload.id}$`));
      expect(upload.id).toMatch(/^[A-Za-z0-9_-]{32}$/);

      const stored = await readUpload(upload.id);
      expect(stored?.meta).toMatchObject({ contentType: "image/png", uploadedById: "user-1" });
      expect(await bytesOf(stored!.body)).toEqual(Buffer.from("89504e470d0a1a0a", "hex"));
    });

    it("refuses files a browser could run, empty files and files over 25 MB", async () => {
      const svg = new File(["<svg onload=alert(1)>"], "x.svg", { type: "image/svg+xml" });
      await expect(storeUpload(svg, "user-1")).rejects.toMatchObject({ code: "invalid_input", params: { reason: "file_type_not_allowed" } });
      await expect(storeUpload(new File([], "e.pdf", { type: "application/pdf" }), "user-1")).rejects.toMatchObject({ params: { reason: "file_empty" } });
      const huge = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.mp4", { type: "video/mp4" });
      await expect(storeUpload(huge, "user-1")).rejects.toMatchObject({ code: "payload_too_large", params: { limitMb: 25 } });
    });

    it("refuses an oversized upload from its declared length, before reading it", async () => {
      const request = new Request("http://localhost/api/uploads", {
        method: "POST",
        headers: { "content-length": String(MAX_UPLOAD_BYTES * 2), "content-type": "multipart/form-data; boundary=x" },
        body: "--x--",
      });
      await expect(readUploadForm(request)).rejects.toMatchObject({ code: "payload_too_large" });
    });

    it("finds nothing for unknown or malformed ids, so no path outside the folder can be read", async () => {
      expect(await readUpload("A".repeat(32))).toBeNull();
      expect(await readUpload("../../../../etc/passwd")).toBeNull();
      const upload = await storeUpload(png(), "user-1");
      expect(await readUpload(`${upload.id}.json`)).toBeNull();
      expect(await store.partialWrites()).toEqual([]);
    });

    it("deletes uploads no reply used a day later, and keeps the ones replies use", async () => {
      const sent = await storeUpload(png(), "user-1");
      const abandoned = await storeUpload(png(), "user-1");
      await db().$transaction((tx) => markUploadsAttached(tx, [{ type: "image", url: sent.url }, { type: "image", url: "https://elsewhere.example/a.png" }]));

      expect(await pruneAbandonedUploads(new Date(Date.now() + ABANDONED_UPLOAD_MS - 60_000))).toBe(0);
      expect(await readUpload(abandoned.id)).not.toBeNull();

      const dayLater = new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000);
      expect(await pruneAbandonedUploads(dayLater)).toBeGreaterThanOrEqual(1);
      expect(await readUpload(abandoned.id)).toBeNull();
      expect(await readUpload(sent.id)).not.toBeNull();
      expect(await store.leftovers(abandoned.id)).toEqual([]);
      expect(await store.leftovers(sent.id)).not.toEqual([]);
    });
  });

  describe(`item 6e: a refused reply creates no upload bookkeeping (${kind} store)`, () => {
    beforeAll(async () => {
      // The stored reply's delivery job waits in its queue: no worker sends it in this file.
      await (await startJobQueue()).createQueue(SEND_REPLY_QUEUE);
    });
    afterAll(() => stopJobQueue());

    it("refused for permission or by the reply window: the file stays unused and is deleted a day later", async () => {
      const { workspaceId, admin } = await createWorkspace();
      const [agent, otherAgent] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
      const channelId = await createChannel(workspaceId, admin.id);
      const open = await addConversation({ channelId, customer: "Lan", assignee: agent, lastMessageAt: new Date() });
      const expired = await addConversation({ channelId, customer: "Hương", assignee: agent, lastMessageAt: new Date(Date.now() - 8 * ABANDONED_UPLOAD_MS) });
      const upload = await storeUpload(png(), otherAgent.id);
      const attachments = [{ type: upload.type, url: upload.url }];

      await expect(sendReply(otherAgent, open, { clientMessageId: randomUUID(), attachments })).rejects.toMatchObject({ code: "not_found" });
      await expect(sendReply(agent, expired, { clientMessageId: randomUUID(), attachments })).rejects.toMatchObject({ params: { reason: "reply_window_closed" } });
      expect(await store.isAttached(upload.id)).toBe(false);
      expect(await db().message.count({ where: { conversationId: { in: [open, expired] } } })).toBe(0);
      await pruneAbandonedUploads(new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000));
      expect(await readUpload(upload.id)).toBeNull();
    });

    it("a stored reply marks its file as used", async () => {
      const { workspaceId, admin } = await createWorkspace();
      const [agent] = (await createStaff(workspaceId, 1)) as [SessionUser];
      const conversationId = await addConversation({ channelId: await createChannel(workspaceId, admin.id), customer: "Lan", assignee: agent, lastMessageAt: new Date() });
      const upload = await storeUpload(png(), agent.id);

      await sendReply(agent, conversationId, { clientMessageId: randomUUID(), attachments: [{ type: upload.type, url: upload.url }] });
      expect(await store.isAttached(upload.id)).toBe(true);
    });
  });
}
