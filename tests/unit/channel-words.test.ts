// What an agent reads about a conversation's channel, in its platform's words: a Zalo conversation
// says "OA" and "Zalo" where a Facebook one says "Trang" and "Messenger", a Zalo send's failure
// reason follows the UI language, and every Facebook sentence reads exactly as it did before the
// texts took the platform's words as parameters.
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { channelWordsOf } from "@/components/channels/use-channel-words";
import { sendFailureReasons as zaloFailureReasons } from "@/lib/channels/zalo/classify-send-error";
import { SEND_FAILURE_CODES } from "@/lib/channels/send-failure";
import type { Platform } from "@/lib/generated/prisma/enums";
import { catalogAreas } from "@/lib/i18n/catalog-areas";

type Locale = "vi" | "en";

function translator(locale: Locale) {
  const messages = Object.assign({}, ...catalogAreas.map((area) => JSON.parse(readFileSync(`messages/${locale}/${area}.json`, "utf8"))));
  return createTranslator({ locale, messages });
}

/** A text as the inbox shows it for a channel of `platform`, with `params` besides the channel's words. */
function shown(locale: Locale, key: string, platform: Platform, params: Record<string, string | number> = {}): string {
  const t = translator(locale);
  const words = channelWordsOf((channelKey) => t(`channels.${channelKey}` as never), platform);
  return t(key as never, { ...words, ...params } as never);
}

describe("a conversation's channel in its platform's words", () => {
  it("keeps every Facebook sentence as it was, in both languages", () => {
    expect(shown("vi", "inbox.composer.tooLong", "facebook", { limit: 2000 })).toBe("Tin nhắn dài quá 2000 ký tự, Messenger sẽ không nhận.");
    expect(shown("en", "inbox.composer.tooLong", "facebook", { limit: 2000 })).toBe("The message is longer than 2000 characters; Messenger will not accept it.");
    expect(shown("vi", "inbox.footer.channelNeedsReconnect", "facebook", { page: "Shop Hoa Mai" })).toBe(
      "Trang Shop Hoa Mai cần được kết nối lại. Quản trị viên hoặc người đã kết nối trang cần kết nối lại để trả lời.",
    );
    expect(shown("en", "inbox.footer.channelDisconnected", "facebook", { page: "Shop Hoa Mai" })).toBe(
      "The page Shop Hoa Mai is disconnected. An admin must reconnect it before anyone can reply.",
    );
    expect(shown("vi", "inbox.refusals.channel_needs_reconnect", "facebook")).toBe("Trang cần được kết nối lại trước khi trả lời.");
    expect(shown("en", "inbox.refusals.channel_disconnected", "facebook")).toBe("The page is disconnected; an admin must reconnect it before you can reply.");
    expect(shown("vi", "inbox.message.fromPage", "facebook")).toBe("Trang (gửi từ Facebook)");
    expect(shown("en", "inbox.replyWindow.neverWrote", "facebook")).toBe("The customer has not written to the page yet; you cannot reply.");
    expect(shown("vi", "inbox.panel.page", "facebook")).toBe("Trang");
    expect(shown("en", "channels.statusReasons.token_expired", "facebook")).toBe("The page's Facebook access has expired.");
    expect(shown("en", "channels.statusReasons.token_invalid", "facebook")).toBe("Facebook no longer accepts this page's access.");
    expect(shown("en", "channels.banner.text", "facebook", { count: 2 })).toBe(
      "2 fanpages need reconnecting: Facebook no longer accepts its access, so new messages may not arrive.",
    );
  });

  it("calls a Zalo channel an OA and its app Zalo", () => {
    expect(shown("vi", "inbox.composer.tooLong", "zalo", { limit: 2000 })).toBe("Tin nhắn dài quá 2000 ký tự, Zalo sẽ không nhận.");
    expect(shown("vi", "inbox.footer.channelNeedsReconnect", "zalo", { page: "Mỹ Phẩm Thiên Nhiên" })).toBe(
      "OA Mỹ Phẩm Thiên Nhiên cần được kết nối lại. Quản trị viên hoặc người đã kết nối OA cần kết nối lại để trả lời.",
    );
    expect(shown("en", "inbox.footer.channelNeedsReconnect", "zalo", { page: "Mỹ Phẩm" })).toBe(
      "The OA Mỹ Phẩm needs to be reconnected. An admin or whoever connected the OA must reconnect it before anyone can reply.",
    );
    expect(shown("vi", "inbox.refusals.channel_disconnected", "zalo")).toBe("OA đã bị ngắt kết nối; quản trị viên cần kết nối lại trước khi trả lời.");
    expect(shown("vi", "inbox.message.fromPage", "zalo")).toBe("OA (gửi từ Zalo)");
    expect(shown("vi", "inbox.replyWindow.neverWrote", "zalo")).toBe("Khách hàng chưa nhắn tin cho OA, chưa thể trả lời.");
    expect(shown("en", "channels.statusReasons.token_expired", "zalo")).toBe("The OA's Zalo access has expired.");
    expect(shown("en", "channels.banner.text", "zalo", { count: 1 })).toBe("1 OA needs reconnecting: Zalo no longer accepts its access, so new messages may not arrive.");
  });

  it("gives every Zalo failure reason in Vietnamese by default and in English in the English UI", () => {
    for (const code of SEND_FAILURE_CODES) {
      expect(shown("vi", `inbox.failures.zalo.${code}`, "zalo")).toBe(zaloFailureReasons[code]);
      const english = shown("en", `inbox.failures.zalo.${code}`, "zalo");
      expect(english).toMatch(/^[\x20-\x7e]+$/);
      expect(english).not.toBe(`inbox.failures.zalo.${code}`);
    }
  });
});

describe("the free replies Zalo allows", () => {
  it("are counted in the composer's words", () => {
    expect(shown("vi", "inbox.replyWindow.freeRepliesLeft", "zalo", { count: 5 })).toBe("còn 5 tin miễn phí");
    expect(shown("en", "inbox.replyWindow.freeRepliesLeft", "zalo", { count: 1 })).toBe("1 free reply left");
    expect(shown("en", "inbox.replyWindow.freeRepliesLeft", "zalo", { count: 8 })).toBe("8 free replies left");
  });
});

describe("the rule form's Nguồn hint", () => {
  /** As the source picker builds it: the kinds of the channels listed, joined with "or". */
  function hint(locale: Locale, listed: Platform[]): string {
    const t = translator(locale);
    const or = new Intl.ListFormat(locale, { type: "disjunction" });
    const words = (form: "many" | "one") => or.format(listed.map((platform) => t(`rules.form.sourceKinds.${platform}.${form}` as never)));
    return t("rules.form.sourcesHint" as never, { kinds: words("many"), kind: words("one") } as never);
  }

  it("reads as before for Facebook pages and names OAs once Zalo's are listed", () => {
    expect(hint("vi", ["facebook"])).toBe("Chọn các Page bạn muốn thêm vào quy tắc. Có thể thêm nhiều page cùng lúc. Mỗi page chỉ thuộc một quy tắc.");
    expect(hint("en", ["facebook"])).toBe("Pick the pages to add to this rule; several at once is fine. A page belongs to one rule only.");
    expect(hint("vi", ["facebook", "zalo"])).toBe("Chọn các Page hoặc OA bạn muốn thêm vào quy tắc. Có thể thêm nhiều page hoặc OA cùng lúc. Mỗi page hoặc OA chỉ thuộc một quy tắc.");
    expect(hint("en", ["zalo"])).toBe("Pick the Zalo OAs to add to this rule; several at once is fine. A Zalo OA belongs to one rule only.");
  });
});
