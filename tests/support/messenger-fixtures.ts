// Recorded-shape Messenger webhook bodies from tests/fixtures/messenger/, with their {{NAME}}
// placeholders (page ids, PSIDs, our app id, stored message ids) filled in. The bytes keep
// Facebook's \uXXXX and \/ escapes, which the signature covers.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const DIRECTORY = path.resolve(import.meta.dirname, "../fixtures/messenger");

export const messengerFixtureNames: string[] = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith(".json"))
  .sort();

export function messengerFixture(name: string, values: Record<string, string>): string {
  const template = readFileSync(path.join(DIRECTORY, name), "utf8");
  return template.replace(/"\{\{([A-Z0-9_]+)\}\}"/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Fixture ${name} needs a value for {{${key}}}`);
    return JSON.stringify(value);
  });
}

/** Deterministic shuffle (a seeded LCG), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
