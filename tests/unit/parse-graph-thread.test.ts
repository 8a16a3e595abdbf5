// Graph conversation threads → the import's flat shape; malformed threads become skips with a reason.
import { describe, expect, it } from "vitest";
import { parseGraphThread } from "@/lib/channels/facebook/parse-graph-thread";

const PAGE = "109000000000001";
const PSID = "250000000000001";

function thread(overrides: Record<string, unknown> = {}) {
  return {
    id: "t_10",
    updated_time: "2026-11-20T08:00:05+0000",
    participants: {
      data: [
        { name: "Nguyễn Thị Hoa", email: `${PSID}@facebook.com`, id: PSID },
        { name: "Cửa Hàng Lâu Năm", email: `${PAGE}@facebook.com`, id: PAGE },
      ],
    },
    messages: {
      data: [
        {
          id: "m_3",
          created_time: "2026-11-20T08:00:05+0000",
          message: "Dạ shop gửi chị ạ",
          from: { id: PAGE, name: "Cửa Hàng Lâu Năm" },
        },
        {
          id: "m_2",
          created_time: "2026-11-20T08:00:00+0000",
          message: "",
          from: { id: PSID },
          attachments: {
            data: [
              { id: "a", mime_type: "image/jpeg", name: "x.jpg", image_data: { url: "https://cdn/x.jpg" } },
            ],
          },
        },
        {
          id: "m_1",
          created_time: "2026-11-19T07:00:00+0000",
          message: "Shop ơi còn hàng không?",
          from: { id: PSID },
        },
      ],
    },
    ...overrides,
  };
}

describe("parseGraphThread", () => {
  it("finds the customer and orders the messages oldest first with their direction", () => {
    const parsed = parseGraphThread(thread(), PAGE);
    expect(parsed).toEqual({
      ok: true,
      thread: {
        threadId: "t_10",
        updatedAt: new Date("2026-11-20T08:00:05Z"),
        customer: { platformUserId: PSID, name: "Nguyễn Thị Hoa" },
        messages: [
          {
            platformMessageId: "m_1",
            direction: "inbound",
            text: "Shop ơi còn hàng không?",
            attachments: [],
            at: new Date("2026-11-19T07:00:00Z"),
          },
          {
            platformMessageId: "m_2",
            direction: "inbound",
            text: null,
            attachments: [{ type: "image", url: "https://cdn/x.jpg" }],
            at: new Date("2026-11-20T08:00:00Z"),
          },
          {
            platformMessageId: "m_3",
            direction: "outbound",
            text: "Dạ shop gửi chị ạ",
            attachments: [],
            at: new Date("2026-11-20T08:00:05Z"),
          },
        ],
      },
    });
  });

  it("maps files, audio, video and stickers, and shows an empty message as a placeholder", () => {
    const messages = [
      {
        id: "m_a",
        created_time: "2026-11-20T08:00:04+0000",
        from: { id: PSID },
        sticker: "https://cdn/like.png",
        attachments: { data: [{ image_data: { url: "https://cdn/like.png" } }] },
      },
      {
        id: "m_b",
        created_time: "2026-11-20T08:00:03+0000",
        from: { id: PSID },
        attachments: { data: [{ mime_type: "audio/mpeg", file_url: "https://cdn/a.mp3" }] },
      },
      {
        id: "m_c",
        created_time: "2026-11-20T08:00:02+0000",
        from: { id: PSID },
        attachments: {
          data: [{ mime_type: "application/pdf", name: "bao-gia.pdf", file_url: "https://cdn/b.pdf" }],
        },
      },
      {
        id: "m_d",
        created_time: "2026-11-20T08:00:01+0000",
        from: { id: PSID },
        attachments: { data: [{ video_data: { url: "https://cdn/v.mp4" } }] },
      },
      { id: "m_e", created_time: "2026-11-20T08:00:00+0000", from: { id: PSID } },
    ];
    const parsed = parseGraphThread(thread({ messages: { data: messages } }), PAGE);
    expect(parsed.ok && parsed.thread.messages.map((m) => m.attachments)).toEqual([
      [{ type: "fallback", url: null, title: null }],
      [{ type: "video", url: "https://cdn/v.mp4" }],
      [{ type: "file", url: "https://cdn/b.pdf", name: "bao-gia.pdf" }],
      [{ type: "audio", url: "https://cdn/a.mp3" }],
      [{ type: "sticker", url: "https://cdn/like.png" }],
    ]);
  });

  it("imports a thread without messages", () => {
    const parsed = parseGraphThread(thread({ messages: undefined }), PAGE);
    expect(parsed.ok && parsed.thread.messages).toEqual([]);
  });

  it("skips a thread whose fields do not fit, naming where", () => {
    const parsed = parseGraphThread(thread({ updated_time: "yesterday" }), PAGE);
    expect(parsed).toMatchObject({
      ok: false,
      threadId: "t_10",
      reason: "malformed",
      detail: expect.stringContaining("updated_time"),
    });
    expect(parseGraphThread({ participants: "?" }, PAGE)).toMatchObject({
      ok: false,
      threadId: "(no id)",
      reason: "malformed",
    });
    expect(parseGraphThread(null, PAGE)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("skips a thread with no customer, or with a message from someone else", () => {
    const onlyPage = thread({ participants: { data: [{ id: PAGE, name: "Cửa Hàng Lâu Năm" }] } });
    expect(parseGraphThread(onlyPage, PAGE)).toMatchObject({ ok: false, reason: "no_customer" });
    const stranger = thread({
      messages: {
        data: [{ id: "m_x", created_time: "2026-11-20T08:00:00+0000", message: "?", from: { id: "999" } }],
      },
    });
    expect(parseGraphThread(stranger, PAGE)).toMatchObject({
      ok: false,
      reason: "unknown_sender",
      detail: "message m_x",
    });
  });
});
