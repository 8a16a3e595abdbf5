// Zalo webhook bodies recorded as files (tests/fixtures/zalo/, sources in docs/platforms/zalo.md,
// "Fixtures"): one event each, for the OA FIXTURE_OA_ID and the user FIXTURE_USER_ID.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const directory = path.resolve(import.meta.dirname, "../fixtures/zalo");

export const FIXTURE_OA_ID = "1750000000000000001";
export const FIXTURE_USER_ID = "8400000000000000001";

/** Every fixture's name (without .json), in a stable order. */
export const zaloFixtureNames = readdirSync(directory)
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length))
  .sort();

/** The fixture's bytes as Zalo would send them. */
export function zaloFixture(name: string): string {
  return readFileSync(path.join(directory, `${name}.json`), "utf8");
}
