// ESLint flat config: Next's core-web-vitals and TypeScript rule sets, and the channel boundary:
// a platform folder (lib/channels/<platform>/) is private to itself, the registry, its own settings
// screens (components/channels/<platform>/ and its page, app/(app)/settings/channels/<platform>/)
// and route handlers, the emulators, tests and benchmarks. Everything else reaches a platform through
// lib/channels/registry.ts, so adding a platform never means editing the inbox.
import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Every folder under lib/channels/ is a platform's. */
const platforms = readdirSync(new URL("./lib/channels", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Where a platform's own code may import its folder. */
const ownPlaces = (platform) => [
  `lib/channels/${platform}/**`,
  `app/api/channels/${platform}/**`,
  `app/api/webhooks/${platform}/**`,
  `components/channels/${platform}/**`,
  `app/(app)/settings/channels/${platform}/**`,
];

/**
 * The providers' map by Platform; outside product code, the emulators play the platforms and tests and
 * benchmarks drive them.
 */
const sharedPlaces = ["lib/channels/registry.ts", "emulators/**", "tests/**", "bench/**"];

/** Aliased or relative ("../channels/facebook/x"): any path through a platform's folder. */
const importsOf = (platform) => [`@/lib/channels/${platform}`, `**/channels/${platform}/**`];

const restrictPlatforms = (restricted) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: restricted.map((platform) => ({
        group: importsOf(platform),
        message: `${platform}'s folders are private to it: go through lib/channels/registry.ts (providerOf) instead.`,
      })),
    },
  ],
});

const channelBoundary = [
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: [...sharedPlaces, ...platforms.flatMap(ownPlaces)],
    rules: restrictPlatforms(platforms),
  },
  // A platform's own places may not reach into another platform either.
  ...platforms
    .filter(() => platforms.length > 1)
    .map((platform) => ({ files: ownPlaces(platform), rules: restrictPlatforms(platforms.filter((other) => other !== platform)) })),
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  ...channelBoundary,
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data/**",
      "dist/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
