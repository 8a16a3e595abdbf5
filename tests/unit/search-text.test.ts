// The folded form messages are searched in. The database trigger writes the same form; that the two
// agree is checked against the real trigger in tests/integration/message-search.test.ts.
import { describe, expect, it } from "vitest";
import { containsPattern, searchTextOf } from "@/lib/inbox/search-text";
import { searchSnippet } from "@/lib/inbox/search-snippet";

describe("searchTextOf", () => {
  it("drops case and Vietnamese diacritics, đ included", () => {
    expect(searchTextOf("Phí SHIP về Đà Nẵng")).toBe("phi ship ve da nang");
    expect(searchTextOf("ĐƠN HÀNG ƯỚT ở Quận Gò Vấp")).toBe("don hang uot o quan go vap");
    expect(searchTextOf("PHÍ")).toBe(searchTextOf("phi"));
  });

  it("writes text typed in combining form (NFD) like the composed one", () => {
    expect(searchTextOf("Phi\u0301 ship")).toBe("phi ship");
  });

  it("collapses runs of whitespace and trims, but keeps no-break spaces as PostgreSQL does", () => {
    expect(searchTextOf("  còn\n\n hàng\t không  ")).toBe("con hang khong");
    expect(searchTextOf("a\u2003\u3000b")).toBe("a b");
    expect(searchTextOf("a\u00a0b")).toBe("a\u00a0b");
  });

  it("lowers one letter at a time, as PostgreSQL's lower() does", () => {
    expect(searchTextOf("ΣΑΣ")).toBe("σασ");
  });

  it("writes Vietnamese phone numbers as 0 and nine digits however they were typed", () => {
    for (const typed of ["0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678", "+84 912 345 678", "84912345678", "+84.912.345.678"]) {
      expect(searchTextOf(`sđt ${typed} nhé`), typed).toBe("sdt 0912345678 nhe");
    }
    expect(searchTextOf("+84912345678")).toBe("0912345678");
  });

  it("leaves 84 alone when it is not the start of a nine-digit number", () => {
    expect(searchTextOf("giá 84k")).toBe("gia 84k");
    expect(searchTextOf("849123456789")).toBe("849123456789");
    expect(searchTextOf("184912345678")).toBe("184912345678");
    expect(searchTextOf("x84912345678")).toBe("x0912345678");
  });

  it("removes separators between digits only", () => {
    expect(searchTextOf("size M - 2 cái. 3 đôi")).toBe("size m - 2 cai. 3 doi");
    expect(searchTextOf("1.250.000đ")).toBe("1250000d");
  });

  it("is empty for blank text", () => {
    expect(searchTextOf("   ")).toBe("");
  });
});

describe("containsPattern", () => {
  it("finds the text anywhere, with LIKE's wildcards and escape typed by the user matching themselves", () => {
    expect(containsPattern("ship")).toBe("%ship%");
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});

describe("searchSnippet", () => {
  it("shows a short message whole, on one line", () => {
    expect(searchSnippet("Phí ship\nvề Đà Nẵng?", "phi ship")).toBe("Phí ship về Đà Nẵng?");
  });

  it("starts a few words before a match deep in a long message, at a word", () => {
    const text = `${"Dạ chị ơi bên em có nhiều mẫu lắm ạ, ".repeat(6)}sđt em 0912.345.678 nhé, ${"cảm ơn chị nhiều ".repeat(10)}`;
    const snippet = searchSnippet(text, "0912345678");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("sđt em 0912.345.678 nhé");
    expect(snippet.length).toBeLessThanOrEqual(122);
    expect(snippet.slice(1, 2)).not.toBe(" ");
  });

  it("never cuts an emoji in half", () => {
    const snippet = searchSnippet(`${"😀".repeat(100)} ship`, "ship");
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
