// Every UI string exists in both languages: a key missing in English would show its raw name.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogAreas } from "@/lib/i18n/catalog-areas";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (locale: string, area: string) => JSON.parse(readFileSync(`messages/${locale}/${area}.json`, "utf8"));

describe("message catalogs", () => {
  it.each(catalogAreas)("%s has the same keys in Vietnamese and English", (area) => {
    expect(keys(load("en", area)).sort()).toEqual(keys(load("vi", area)).sort());
  });

  it("no two areas define the same top-level namespace", () => {
    const namespaces = catalogAreas.flatMap((area) => Object.keys(load("vi", area)));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
});
