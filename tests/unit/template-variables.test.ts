// The template variables: unknown ones found (and kept as typed), known ones filled for a
// conversation, a missing customer name never leaving "{ten_khach}" in a reply.
import { describe, expect, it } from "vitest";
import { fillTemplate, templateParts, unknownVariables, TEMPLATE_VARIABLES } from "@/lib/templates/template-variables";

const context = { customerName: "Phạm Lan", pageName: "Shop Hoa Mai", agentName: "Hà", customerFallback: "anh/chị" };

describe("template variables", () => {
  it("offers the three known variables", () => {
    expect(TEMPLATE_VARIABLES).toEqual(["ten_khach", "ten_trang", "ten_nhan_vien"]);
  });

  it("finds unknown placeholders once each, in order, and ignores braces that are not placeholders", () => {
    expect(unknownVariables("Chào {ten_khach}, đơn {ma_don} của {Tên} ({ma_don}) {} { x } {a-b}")).toEqual(["ma_don", "Tên"]);
    expect(unknownVariables("Chào {ten_khach} từ {ten_trang}, {ten_nhan_vien}")).toEqual([]);
    expect(unknownVariables("{ten_khack}")).toEqual(["ten_khack"]);
  });

  it("fills every occurrence of the known variables and leaves unknown ones as typed", () => {
    expect(fillTemplate("Chào {ten_khach}! {ten_trang} đây, em {ten_nhan_vien}. {ten_khach} ơi, mã {ma_don}", context)).toBe(
      "Chào Phạm Lan! Shop Hoa Mai đây, em Hà. Phạm Lan ơi, mã {ma_don}",
    );
    expect(fillTemplate("Không có biến", context)).toBe("Không có biến");
  });

  it("says the fallback when the customer has no name, or a blank one", () => {
    expect(fillTemplate("Chào {ten_khach}", { ...context, customerName: null })).toBe("Chào anh/chị");
    expect(fillTemplate("Chào {ten_khach}", { ...context, customerName: "   " })).toBe("Chào anh/chị");
  });

  it("does not fill a value's own braces again (a customer named “{ten_trang}”)", () => {
    expect(fillTemplate("{ten_khach} - {ten_trang}", { ...context, customerName: "{ten_trang}" })).toBe("{ten_trang} - Shop Hoa Mai");
  });

  it("splits a text into plain runs and flagged placeholders for the editor", () => {
    expect(templateParts("Chào {ten_khach}, mã {ma_don}.")).toEqual([
      { text: "Chào ", variable: null },
      { text: "{ten_khach}", variable: "known" },
      { text: ", mã ", variable: null },
      { text: "{ma_don}", variable: "unknown" },
      { text: ".", variable: null },
    ]);
    expect(templateParts("")).toEqual([]);
  });
});
