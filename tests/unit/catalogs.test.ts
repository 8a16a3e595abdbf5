// Every UI string exists in both languages: a key missing in English would show its raw name.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogAreas } from "@/lib/i18n/catalog-areas";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (locale: string, area: string) => JSON.parse(readFileSync(`messages/${locale}/${area}.json`, "utf8"));

function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, path ? `${path}.${key}` : key));
}

/** Curly quotes, each “ closed by ” before the next one opens. */
function quotesBalanced(text: string): boolean {
  let open = false;
  for (const char of text) {
    if (char === "“") {
      if (open) return false;
      open = true;
    } else if (char === "”") {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

describe("message catalogs", () => {
  it.each(catalogAreas)("%s has the same keys in Vietnamese and English", (area) => {
    expect(keys(load("en", area)).sort()).toEqual(keys(load("vi", area)).sort());
  });

  // Issue 9, item 12: the catalogs quote names the way most of them already did, “…”.
  it.each(catalogAreas.flatMap((area) => [["vi", area], ["en", area]]))("item 12: %s/%s quotes with “…” only", (locale, area) => {
    const offending = strings(load(locale, area)).filter(([, text]) => text.includes('"') || !quotesBalanced(text));
    expect(offending).toEqual([]);
  });

  // Texts that generic screens show for a channel of any platform take the platform's name as
  // {platform} (lib/channels/platform-names.ts); a platform's own screens may name it.
  const anyPlatformTexts: [area: string, prefix: string][] = [
    ["channels", "channels.statusReasons."],
    ["channels", "channels.banner."],
    ["channels", "channels.notices.authorized"],
    ["channels", "channels.breadcrumb."],
    ["channels", "channels.overview.configure"],
    ["historySync", "historySync.title"],
    ["historySync", "historySync.problems."],
    ["historySync", "historySync.skipped."],
    ["inbox", "inbox.message.fromPage"],
    ["inbox", "inbox.panel.originValue."],
    ["inbox", "inbox.panel.page"],
    ["inbox", "inbox.composer."],
    ["inbox", "inbox.footer."],
    ["inbox", "inbox.refusals."],
    ["inbox", "inbox.replyWindow.neverWrote"],
    ["inbox", "inbox.replyWindow.paidQuota"],
    ["inbox", "inbox.replyWindow.freeRepliesLeft"],
  ];
  it.each(["vi", "en"])("%s: texts for any platform name none", (locale) => {
    const naming = anyPlatformTexts.flatMap(([area, prefix]) =>
      strings(load(locale, area)).filter(([path, text]) => path.startsWith(prefix) && /Facebook|Messenger|Zalo/.test(text)),
    );
    expect(naming).toEqual([]);
  });

  it("no two areas define the same top-level namespace", () => {
    const namespaces = catalogAreas.flatMap((area) => Object.keys(load("vi", area)));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
});
