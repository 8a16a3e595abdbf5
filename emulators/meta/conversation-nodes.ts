// Conversations and messages as the Conversations API shows them, with its 20-message detail limit.
import { selectFields, type FieldProducers, type FieldSpec } from "./fields";
import { graphTime } from "./graph-request";
import type { World } from "./world";
import type { Attachment, StoredMessage, Thread } from "./world-types";

/** Only this many most recent messages of a thread can be read in detail; older ones are "deleted". */
export const READABLE_MESSAGES = 20;

export function isReadable(thread: Thread, message: StoredMessage): boolean {
  return thread.messages.indexOf(message) >= thread.messages.length - READABLE_MESSAGES;
}

export function newestFirst(thread: Thread): StoredMessage[] {
  return [...thread.messages].reverse();
}

export function lastActivity(thread: Thread): number {
  return thread.messages.at(-1)?.createdAt ?? 0;
}

function participant(world: World, thread: Thread, side: "customer" | "page"): Record<string, string> {
  if (side === "page") {
    const name = world.page(thread.pageId)?.name ?? "";
    return { name, email: `${thread.pageId}@facebook.com`, id: thread.pageId };
  }
  const name = world.customer(thread.psid)?.name ?? "";
  return { name, email: `${thread.psid}@facebook.com`, id: thread.psid };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
  pdf: "application/pdf",
};

function attachmentNode(
  world: World,
  message: StoredMessage,
  attachment: Attachment,
  index: number,
): Record<string, unknown> {
  const url = world.absolute(attachment.url);
  const extension = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  const mime =
    MIME_BY_EXTENSION[extension] ?? (attachment.type === "image" ? "image/jpeg" : "application/octet-stream");
  const node: Record<string, unknown> = {
    id: `${message.mid}_${index}`,
    mime_type: mime,
    name: `${attachment.type}-${index}.${extension || "bin"}`,
  };
  if (attachment.type === "image") node.image_data = { url, preview_url: url, width: 320, height: 320 };
  else if (attachment.type === "video") node.video_data = { url, preview_url: url, width: 640, height: 360 };
  else node.file_url = url;
  return node;
}

export function messageFields(world: World, thread: Thread, message: StoredMessage): FieldProducers {
  const customerSide = participant(world, thread, "customer");
  const pageSide = participant(world, thread, "page");
  const [from, to] = message.direction === "in" ? [customerSide, pageSide] : [pageSide, customerSide];
  const sticker = message.attachments.find((a) => a.stickerId !== undefined);
  return {
    id: () => message.mid,
    created_time: () => graphTime(message.createdAt),
    message: () => message.text ?? "",
    from: () => from,
    to: () => ({ data: [to] }),
    attachments: () =>
      message.attachments.length === 0
        ? undefined
        : { data: message.attachments.map((a, i) => attachmentNode(world, message, a, i)) },
    sticker: () => (sticker ? world.absolute(sticker.url) : undefined),
  };
}

/** In a listing, messages past the readable 20 keep only their id and time, as Facebook returns them. */
export function messageInListing(
  world: World,
  thread: Thread,
  message: StoredMessage,
  children: FieldSpec[] | undefined,
): Record<string, unknown> {
  const producers = messageFields(world, thread, message);
  if (isReadable(thread, message))
    return selectFields("Message", children, ["id", "created_time"], producers);
  return { id: message.mid, created_time: graphTime(message.createdAt) };
}

/** Rebuilds a `fields` value from its parsed form, for the `next` links of nested edges. */
export function fieldsText(specs: FieldSpec[] | undefined): string | undefined {
  if (!specs) return undefined;
  return specs
    .map(
      (s) =>
        `${s.name}${s.limit === undefined ? "" : `.limit(${s.limit})`}${s.children ? `{${fieldsText(s.children) ?? ""}}` : ""}`,
    )
    .join(",");
}
