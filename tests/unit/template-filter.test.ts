// The composer's template search: diacritic-insensitive on shortcut and text, every word required,
// shortcut matches first; and the "/" that opens it.
import { describe, expect, it } from "vitest";
import { filterTemplates, searchableTemplates } from "@/lib/templates/filter-templates";
import { insertTemplateText, slashQueryAt } from "@/lib/templates/slash-query";

const templates = [
  { shortcut: "bang-gia", text: "Bảng giá áo thun: 150k, freeship từ 2 áo" },
  { shortcut: "chao", text: "Chào {ten_khach}, shop có thể giúp gì ạ?" },
  { shortcut: "ĐổiTrả", text: "Đổi trả trong 7 ngày" },
  { shortcut: "phi-ship", text: "Phí ship toàn quốc 30.000đ" },
  { shortcut: "size", text: "Bảng size: M dưới 55kg, L dưới 65kg; phí đổi size 0đ" },
];
const entries = searchableTemplates(templates);
const find = (query: string) => filterTemplates(entries, query).map((template) => template.shortcut);

describe("template filter", () => {
  it("finds “Phí ship” by “phi ship”, “/phi” and “PHÍ”", () => {
    expect(find("phi ship")).toEqual(["phi-ship"]);
    expect(find("/phi")).toEqual(["phi-ship", "size"]);
    expect(find("PHÍ")).toEqual(["phi-ship", "size"]);
  });

  it("folds đ and the shortcut's own diacritics and case", () => {
    expect(find("doitra")).toEqual(["ĐổiTrả"]);
    expect(find("doi tra")).toEqual(["ĐổiTrả"]);
    expect(find("30.000d")).toEqual(["phi-ship"]);
  });

  it("needs every word, in any order", () => {
    expect(find("ship toan")).toEqual(["phi-ship"]);
    expect(find("toan ship")).toEqual(["phi-ship"]);
    expect(find("ship xyz")).toEqual([]);
  });

  it("puts shortcut matches before text matches, and keeps the list's order within each", () => {
    // "size" starts the size template's shortcut; "bang" only starts bang-gia's; the text "bảng size" matches too.
    expect(find("size")).toEqual(["size"]);
    expect(find("bang")).toEqual(["bang-gia", "size"]);
    // bang-gia comes first in the list, but only its text has "ship" ("freeship"); phi-ship's shortcut has it.
    expect(find("ship")).toEqual(["phi-ship", "bang-gia"]);
  });

  it("lists everything for an empty query, up to the limit", () => {
    expect(find("")).toEqual(templates.map((template) => template.shortcut));
    expect(find("/")).toHaveLength(5);
    expect(filterTemplates(entries, "", 2)).toHaveLength(2);
  });
});

describe("the “/” that opens the picker", () => {
  it("opens at the start of the text or of a word, up to the caret, for up to three words", () => {
    expect(slashQueryAt("/phi", 4)).toEqual({ start: 0, query: "phi" });
    expect(slashQueryAt("Dạ /phi ship", 12)).toEqual({ start: 3, query: "phi ship" });
    expect(slashQueryAt("Dạ\n/", 4)).toEqual({ start: 3, query: "" });
    expect(slashQueryAt("/phi ship", 4)).toEqual({ start: 0, query: "phi" });
  });

  it("does not open inside a word, a link or a fraction, nor after three words", () => {
    expect(slashQueryAt("1/2", 3)).toBeNull();
    expect(slashQueryAt("https://shop.vn", 15)).toBeNull();
    expect(slashQueryAt("/a b c d", 8)).toBeNull();
    expect(slashQueryAt("không", 5)).toBeNull();
    expect(slashQueryAt("Size M / L", 10)).toBeNull();
  });

  it("replaces the “/query” with the filled template and puts the caret after it, keeping what follows", () => {
    const text = "Dạ /phi nhé";
    const at = slashQueryAt(text, 7)!;
    expect(insertTemplateText(text, at, "Phí ship 30k")).toEqual({ text: "Dạ Phí ship 30k nhé", caret: 15 });
  });
});
