// The "@Tên" of private notes: what the composer's list is opened for, what a pick inserts, which
// mentions a send carries, and which words the thread highlights.
import { describe, expect, it } from "vitest";
import { insertMention, matchingColleagues, mentionParts, mentionQueryAt, mentionsStillIn } from "@/components/inbox/note-mention-text";

const lan = { id: "u1", name: "Phạm Thị Lan" };
const duc = { id: "u2", name: "Đức Anh" };
const an = { id: "u3", name: "An" };

describe("the @ being typed", () => {
  it("is found at the start, after a space or a new line, with up to three words", () => {
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("nhờ @pham thi", 13)).toEqual({ start: 4, query: "pham thi" });
    expect(mentionQueryAt("dòng 1\n@duc", 11)).toEqual({ start: 7, query: "duc" });
  });

  it("is not an e-mail address nor text far past the @", () => {
    expect(mentionQueryAt("lan@shop.vn", 11)).toBeNull();
    expect(mentionQueryAt("@a b c d", 8)).toBeNull();
    expect(mentionQueryAt("@lan\nxin chào", 13)).toBeNull();
  });

  it("matches names without diacritics or case", () => {
    expect(matchingColleagues([lan, duc, an], "LAN")).toEqual([lan]);
    expect(matchingColleagues([lan, duc, an], "duc")).toEqual([duc]);
    expect(matchingColleagues([lan, duc, an], "an")).toEqual([lan, duc, an]);
    expect(matchingColleagues([lan, duc, an], "")).toEqual([lan, duc, an]);
  });
});

describe("a picked name", () => {
  it("replaces the @query and puts the caret after it", () => {
    const text = "nhờ @pha xem giúp";
    const at = mentionQueryAt(text, 8)!;
    expect(insertMention(text, at, lan.name)).toEqual({ text: "nhờ @Phạm Thị Lan xem giúp", caret: 18 });
    expect(insertMention("@l", mentionQueryAt("@l", 2)!, lan.name)).toEqual({ text: "@Phạm Thị Lan ", caret: 14 });
  });

  it("is mentioned only while its @Name is still in the text, once", () => {
    expect(mentionsStillIn("@Phạm Thị Lan gọi khách", [lan, duc, lan])).toEqual([lan]);
    expect(mentionsStillIn("đã xóa tên", [lan])).toEqual([]);
  });
});

describe("the thread's highlight", () => {
  it("cuts the text around each mention, the longer name first", () => {
    expect(mentionParts("@An và @Anh Tú, @Lan?", ["An", "Anh Tú"])).toEqual([
      { text: "@An", mention: true },
      { text: " và ", mention: false },
      { text: "@Anh Tú", mention: true },
      { text: ", @Lan?", mention: false },
    ]);
    expect(mentionParts("không nhắc ai", [])).toEqual([{ text: "không nhắc ai", mention: false }]);
    expect(mentionParts("@a.b (x)", ["a.b (x)"])).toEqual([{ text: "@a.b (x)", mention: true }]);
  });
});
