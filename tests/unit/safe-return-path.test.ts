// Item 3 (open redirect): return paths after sign-in stay on this site, whatever the link says.
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/auth/safe-return-path";

const ORIGIN = "http://localhost:3000";

describe("item 3: open redirect — safeReturnPath", () => {
  it.each([
    "/inbox",
    "/inbox?conversation=c1&tab=mine",
    "/settings/rules/abc",
    "/sign-in?callbackUrl=%2Finbox",
    "/settings/staff#add",
  ])("keeps the path of this app %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/inbox"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["tab after the slash", "/\t/evil.example"],
    ["newline after the slash", "/\n/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline", "/%0a/evil.example"],
    ["encoded slash", "/%2Fevil.example"],
    ["encoded slashes", "%2F%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["double-encoded slash", "/%252Fevil.example"],
    ["double-encoded backslash", "/%255Cevil.example"],
    ["dot segments to //", "/a/..//evil.example"],
    ["encoded dot segments to //", "/a/%2E%2E//evil.example"],
    ["absolute URL", "https://evil.example/inbox"],
    ["absolute URL to our host", "http://localhost:3000/inbox"],
    ["scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["relative path", "inbox"],
    ["empty", ""],
    ["malformed encoding", "/%E0%A4%A"],
  ])("falls back to the inbox for %s (%s)", (_name, value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  it("falls back to the inbox for what is not a string (several callbackUrl parameters)", () => {
    expect(safeReturnPath(["/inbox", "//evil.example"])).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(undefined)).toBe(DEFAULT_RETURN_PATH);
  });

  it("with our origin, reduces our own absolute URL to its path and refuses every other", () => {
    expect(safeReturnPath("http://localhost:3000/sign-in?signedOut=1", ORIGIN)).toBe("/sign-in?signedOut=1");
    expect(safeReturnPath("/settings", ORIGIN)).toBe("/settings");
    for (const value of [
      "http://localhost:3000",
      "http://localhost:3000//evil.example",
      "http://localhost:3000/\\evil.example",
      "http://localhost:3000@evil.example/inbox",
      "http://user@localhost:3000/inbox",
      "http://localhost:30001/inbox",
      "https://localhost:3000/inbox",
      "http://evil.example/inbox",
      "//localhost:3000/inbox",
    ]) {
      expect(safeReturnPath(value, ORIGIN), value).toBe(DEFAULT_RETURN_PATH);
    }
  });
});
