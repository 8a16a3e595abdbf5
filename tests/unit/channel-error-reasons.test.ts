// Every reason a channel step gives its AppError (params.reason) has a sentence in both languages'
// channels.errors, which the settings screens show (components/channels/use-channel-error-text.ts);
// without one the screen falls back to the error code's generic text, which may name another platform.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const appErrorReasons = [
  ...new Set(
    sourceFiles("lib/channels").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/new AppError\((?:[^()]|\([^()]*\))*?reason: "([a-z_]+)"/g)].map((match) => match[1]!),
    ),
  ),
].sort();

describe("channel error reasons", () => {
  it("finds the reasons it checks", () => {
    expect(appErrorReasons).toEqual(expect.arrayContaining(["facebook_unavailable", "zalo_unavailable", "oauth_state_used"]));
  });

  it.each(["vi", "en"])("%s: every reason has its sentence", (locale) => {
    const errors = JSON.parse(readFileSync(`messages/${locale}/channels.json`, "utf8")).channels.errors as Record<string, string>;
    expect(appErrorReasons.filter((reason) => !(reason in errors))).toEqual([]);
  });
});
