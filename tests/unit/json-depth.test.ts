// The nesting depth a webhook body is checked against before it is stored (issue 9, item 6f).
import { describe, expect, it } from "vitest";
import { jsonNestingDepth } from "@/lib/http/json-depth";

describe("jsonNestingDepth", () => {
  it("counts arrays and objects as JSON.parse nests them", () => {
    expect(jsonNestingDepth("1")).toBe(0);
    expect(jsonNestingDepth("[]")).toBe(1);
    expect(jsonNestingDepth('{"a":[{"b":{}}],"c":[1,[2]]}')).toBe(4);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(jsonNestingDepth('{"text":"[[[{{{ \\" ]]] \\\\"}')).toBe(1);
    expect(jsonNestingDepth('["\\"[[[", ["x"]]')).toBe(2);
  });

  it("measures a body far too deep to parse recursively without running out of stack", () => {
    expect(jsonNestingDepth(`${"[".repeat(500_000)}${"]".repeat(500_000)}`)).toBe(500_000);
  });
});
